package io.partnerflow.app.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.SignatureInput;
import io.partnerflow.app.contract.SigningTask;
import io.partnerflow.app.partner.PartnerGroups;

/**
 * Signs a partner's agreement on the real process as its signatory would on the signing screen (for
 * journeys that start at onboarding and need the contract behind them; the agreement's own tests
 * are in the contract package).
 */
public final class AgreementFixtures {

  private AgreementFixtures() {}

  /** Waits for the partner's signing task and signs it as the signatory (no countersignature). */
  public static void signAsPartner(
      CamundaClient client,
      ContractSigning signing,
      PlanFixtures identities,
      long partnerId,
      String signatory) {
    UserTask sign =
        PlanFixtures.await(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        filter ->
                            filter
                                .candidateGroup(PartnerGroups.signatories(partnerId))
                                .elementId("sign-contract")
                                .state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .findFirst());
    identities.as(
        signatory,
        () -> {
          SigningTask shown = signing.open(sign.getUserTaskKey());
          signing.sign(
              sign.getUserTaskKey(),
              new SignatureInput("Sam Signatory", true, shown.document().sha256(), null, null));
          return null;
        });
  }
}
