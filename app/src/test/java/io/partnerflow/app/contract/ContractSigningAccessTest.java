package io.partnerflow.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.TaskListService;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may work a signing task, checked by the service whatever a screen shows: only the partner's
 * own users sign its contract, only legal countersigns, and partner and staff tasks stay apart.
 */
@PartnerflowTest
class ContractSigningAccessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ContractSigning signing;
  @Autowired TaskListService taskList;

  private ContractFixtures fixtures;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new ContractFixtures(client, partners, users, userDetails, jdbc, signing);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRefusePartnerBAndStaffOnPartnerAsSigningTask() throws Exception {
    // given
    long partnerA = fixtures.partner(PartnerType.RESELLER, PartnerTier.GOLD, "DE");
    long partnerB = fixtures.partner(PartnerType.RESELLER, PartnerTier.GOLD, "DE");
    String userOfB = fixtures.partnerUser(partnerB);
    long instance = fixtures.startSigning(partnerA);
    UserTask sign = fixtures.awaitTask(instance, "sign-contract");
    String sha = (String) fixtures.contractOf(instance).get("current_document_sha256");
    SignatureInput input = new SignatureInput("Mallory", true, sha, null, null);

    // when / then: partner B, by guessing the task key
    fixtures.loginAs(userOfB);
    assertThatThrownBy(() -> signing.open(sign.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signing.sign(sign.getUserTaskKey(), input))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signing.decline(sign.getUserTaskKey(), "No"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signing.hasSignedContract(partnerA))
        .isInstanceOf(AccessDeniedException.class);
    // staff: a manager and legal hold no partner group
    for (String staff : new String[] {"manager", "legal", "admin"}) {
      fixtures.loginAs(staff);
      assertThatThrownBy(() -> signing.sign(sign.getUserTaskKey(), input))
          .as(staff)
          .isInstanceOf(AccessDeniedException.class);
    }
    fixtures.loginAs("manager");
    assertThatThrownBy(() -> taskList.complete(sign.getUserTaskKey(), Map.of("decision", "signed")))
        .isInstanceOf(AccessDeniedException.class);

    // and nothing happened to the task
    UserTask after = client.newUserTaskGetRequest(sign.getUserTaskKey()).send().join();
    assertThat(after.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(after.getAssignee()).isNull();
    assertThat(
            fixtures.signaturesOf(((Number) fixtures.contractOf(instance).get("id")).longValue()))
        .isEmpty();
  }

  @Test
  void shouldKeepPartnerUsersOffLegalAndStaffTasks() throws Exception {
    // given: the partner signed; legal's countersignature is open
    long partnerId = fixtures.partner(PartnerType.DISTRIBUTOR, PartnerTier.SILVER, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    fixtures.sign(fixtures.awaitTask(instance, "sign-contract").getUserTaskKey(), signatory);
    UserTask countersign = fixtures.awaitTask(instance, "countersign-contract");
    String sha = (String) fixtures.contractOf(instance).get("current_document_sha256");

    // when / then: the partner's own signatory cannot countersign for the vendor
    fixtures.loginAs(signatory);
    assertThatThrownBy(() -> signing.open(countersign.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                signing.sign(
                    countersign.getUserTaskKey(),
                    new SignatureInput("Sam Signatory", true, sha, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signing.requestChanges(countersign.getUserTaskKey(), "x"))
        .isInstanceOf(AccessDeniedException.class);
    // nor complete it, or any staff task, through the task list
    assertThatThrownBy(() -> taskList.complete(countersign.getUserTaskKey(), Map.of()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(client.newUserTaskGetRequest(countersign.getUserTaskKey()).send().join().getState())
        .isEqualTo(UserTaskState.CREATED);

    // and legal sees the partner's evidence; the partner sees no staff name in its own task list
    fixtures.loginAs("legal");
    assertThat(signing.open(countersign.getUserTaskKey()).earlierSignatures())
        .extracting(SignatureEvidence::account, SignatureEvidence::clientAddress)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(signatory, ContractFixtures.ADDRESS));
  }

  @Test
  void shouldRefuseASignatureWithoutConsentNameOrTheShownDocumentAndKeepNothing() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.REGISTERED, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask sign = fixtures.awaitTask(instance, "sign-contract");
    fixtures.loginAs(signatory);
    SigningTask shown = signing.open(sign.getUserTaskKey());
    String sha = shown.document().sha256();
    long key = sign.getUserTaskKey();

    // when / then
    assertThat(shown.partnerId()).isEqualTo(partnerId);
    assertThat(shown.signAs()).isEqualTo(SignerRole.PARTNER);
    assertRefused(key, new SignatureInput("Sam Signatory", false, sha, null, null), "consent");
    assertRefused(key, new SignatureInput("   ", true, sha, null, null), "typedName");
    assertRefused(key, new SignatureInput(null, true, sha, null, null), "typedName");
    assertRefused(
        key,
        new SignatureInput("Sam Signatory", true, "0".repeat(64), null, null),
        "documentChanged");
    assertThatThrownBy(() -> signing.decline(key, "  "))
        .isInstanceOfSatisfying(
            ContractSigningException.class,
            e -> assertThat(e.messageKey()).isEqualTo("contract.error.reasonRequired"));
    assertThat(signing.hasSignedContract(partnerId)).isFalse();

    UserTask after = client.newUserTaskGetRequest(key).send().join();
    assertThat(after.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(after.getAssignee()).isNull();
    assertThat(fixtures.signaturesOf(shown.contractId())).isEmpty();

    // and with everything in place the signature is taken
    signing.sign(key, new SignatureInput(" Sam Signatory ", true, sha, "198.51.100.4", "UA"));
    assertThat(fixtures.signaturesOf(shown.contractId()))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("typed_name", "Sam Signatory"));
  }

  private void assertRefused(long key, SignatureInput input, String reason) {
    assertThatThrownBy(() -> signing.sign(key, input))
        .isInstanceOfSatisfying(
            ContractSigningException.class,
            e -> assertThat(e.messageKey()).isEqualTo("contract.error." + reason));
  }
}
