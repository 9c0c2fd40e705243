package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.tier.CertifiedPeople;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@link CertifiedPeople} for the tier rules: people, not certificates, with a valid certificate
 * (status VALID, expiry ahead) per certification code. The tier feature checks who may ask before
 * it calls (its reads run as the platform), so this counts without a viewer.
 */
@Component
class CertificateHolders implements CertifiedPeople {

  private final CertificateRepository certificates;
  private final java.time.Clock clock;

  CertificateHolders(CertificateRepository certificates, java.time.Clock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  @Override
  public Map<String, Integer> validHoldersByCertification(long partnerId) {
    return certificates.findValidByPartner(partnerId, clock.instant()).stream()
        .collect(
            Collectors.groupingBy(
                Certificate::certificationCode,
                TreeMap::new,
                Collectors.collectingAndThen(
                    Collectors.mapping(Certificate::userId, Collectors.toSet()), Set::size)));
  }
}
