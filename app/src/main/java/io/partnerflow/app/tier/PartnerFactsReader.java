package io.partnerflow.app.tier;

import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.security.SystemIdentity;
import org.springframework.stereotype.Component;

/**
 * Gathers a partner's facts for the tier rules: the agreement (contract feature) and the certified
 * people ({@link CertifiedPeople}). Callers check access first; the reads run as the platform.
 */
@Component
public class PartnerFactsReader {

  private final ContractSigning contracts;
  private final CertifiedPeople certifiedPeople;

  PartnerFactsReader(ContractSigning contracts, CertifiedPeople certifiedPeople) {
    this.contracts = contracts;
    this.certifiedPeople = certifiedPeople;
  }

  public PartnerFacts of(long partnerId) {
    return SystemIdentity.call(
        () ->
            new PartnerFacts(
                contracts.hasSignedContract(partnerId),
                certifiedPeople.validHoldersByCertification(partnerId),
                // registered deals are not recorded yet; the table has the input for later
                null));
  }
}
