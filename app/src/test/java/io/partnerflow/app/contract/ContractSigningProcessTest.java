package io.partnerflow.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every path of bpmn/contract-signing.bpmn (and its renewal) on the embedded engine with the app's
 * real workers: the partner's signatory signs through {@link ContractSigning}, staff work their
 * tasks as the task list does, timers are reached by pinning the engine clock.
 */
@PartnerflowTest
class ContractSigningProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ContractSigning signing;
  @Autowired ContractDocuments documents;

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
  void shouldCountersignAsThePlatformWhenTheTableRequiresNoPersonAndPutTheContractInForce()
      throws Exception {
    // given: a registered reseller, whose agreement the platform countersigns
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.REGISTERED, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask sign = fixtures.awaitTask(instance, "sign-contract");
    assertThat(sign.getCandidateGroups()).containsExactly("partner-" + partnerId + "-signatory");
    assertThat(sign.getName()).isEqualTo("Sign the partner agreement");
    Map<String, Object> contract = fixtures.contractOf(instance);
    assertThat(contract)
        .containsEntry("template_id", "resale-agreement")
        .containsEntry("countersignature_required", false)
        .containsEntry("term_months", 12)
        .containsEntry("status", "AWAITING_SIGNATURE");

    // when
    fixtures.sign(sign.getUserTaskKey(), signatory);

    // then
    fixtures.awaitCompleted(instance);
    contract = fixtures.contractOf(instance);
    assertThat(contract.get("status")).isEqualTo("IN_FORCE");
    assertThat(contract.get("sealed_document_id")).isNotNull();
    LocalDate effectiveOn = ((Date) contract.get("effective_on")).toLocalDate();
    assertThat(((Date) contract.get("ends_on")).toLocalDate())
        .isEqualTo(effectiveOn.plusMonths(12).minusDays(1));
    List<Map<String, Object>> signatures =
        fixtures.signaturesOf(((Number) contract.get("id")).longValue());
    assertThat(signatures)
        .extracting(row -> row.get("role"))
        .containsExactly("PARTNER", "PLATFORM");
    assertThat(signatures.get(0))
        .containsEntry("account", signatory)
        .containsEntry("typed_name", "Sam Signatory")
        .containsEntry("client_address", ContractFixtures.ADDRESS)
        .containsEntry("user_agent", ContractFixtures.USER_AGENT)
        .containsEntry("document_sha256", contract.get("current_document_sha256"));
    assertThat(signatures.get(1))
        .containsEntry("account", "system")
        .containsEntry("document_sha256", contract.get("current_document_sha256"));
    assertThat(fixtures.templatesSentTo(fixtures.contactEmail(partnerId)))
        .containsExactly("contract-signing-requested", "contract-signed");
    // the sealed document is one the platform stored, and its seal holds
    long sealed = ((Number) contract.get("sealed_document_id")).longValue();
    assertThat(SystemIdentity.call(() -> documents.verify(documents.content(sealed))))
        .isEqualTo(SealCheck.VALID);
    assertThat(fixtures.templatesSentTo("manager@demo.partnerflow.io")).contains("contract-signed");
    assertThat(auditTrailOf(contract))
        .containsExactly("CONTRACT_SIGNED by " + signatory, "CONTRACT_COUNTERSIGNED by system");
  }

  @Test
  void shouldHaveLegalCountersignForAGoldReseller() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.GOLD, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    fixtures.sign(fixtures.awaitTask(instance, "sign-contract").getUserTaskKey(), signatory);

    // when
    UserTask countersign = fixtures.awaitTask(instance, "countersign-contract");
    assertThat(countersign.getCandidateGroups()).containsExactly("legal");
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("AWAITING_COUNTERSIGNATURE");
    fixtures.loginAs("legal");
    SigningTask shown = signing.open(countersign.getUserTaskKey());
    fixtures.sign(countersign.getUserTaskKey(), "legal");

    // then
    assertThat(shown.signAs()).isEqualTo(SignerRole.LEGAL);
    assertThat(shown.earlierSignatures())
        .extracting(SignatureEvidence::role, SignatureEvidence::account)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(SignerRole.PARTNER, signatory));
    fixtures.awaitCompleted(instance);
    Map<String, Object> contract = fixtures.contractOf(instance);
    assertThat(contract.get("status")).isEqualTo("IN_FORCE");
    assertThat(fixtures.signaturesOf(((Number) contract.get("id")).longValue()))
        .extracting(row -> row.get("role"), row -> row.get("account"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PARTNER", signatory),
            org.assertj.core.groups.Tuple.tuple("LEGAL", "legal"));
    assertThat(fixtures.templatesSentTo("legal@demo.partnerflow.io"))
        .contains("contract-countersignature-needed");
    assertThat(auditTrailOf(contract))
        .containsExactly("CONTRACT_SIGNED by " + signatory, "CONTRACT_COUNTERSIGNED by legal");
  }

  @Test
  void shouldReviseAndReissueTheContractWhenLegalRequestsChanges() throws Exception {
    // given: a technology partner always needs legal
    long partnerId = fixtures.partner(PartnerType.TECHNOLOGY, PartnerTier.SILVER, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask firstSign = fixtures.awaitTask(instance, "sign-contract");
    fixtures.sign(firstSign.getUserTaskKey(), signatory);
    String firstDocument = (String) fixtures.contractOf(instance).get("current_document_sha256");
    UserTask countersign = fixtures.awaitTask(instance, "countersign-contract");

    // when: legal sends it back, the manager revises
    fixtures.loginAs("legal");
    signing.requestChanges(countersign.getUserTaskKey(), "Clause 7 must name the governing law.");
    SecurityContextHolder.clearContext();
    UserTask revise = fixtures.awaitTask(instance, "revise-contract");
    assertThat(revise.getCandidateGroups()).contains("partner-managers");
    assertThat(fixtures.contractOf(instance))
        .containsEntry("status", "CHANGES_REQUESTED")
        .containsEntry("change_request", "Clause 7 must name the governing law.");
    fixtures.completeAsStaff(
        revise, "manager", Map.of("revisionNote", "Governing law added", "completedBy", "manager"));

    // then: a fresh document goes back to the signatory; the old one can no longer be signed
    UserTask secondSign =
        fixtures.awaitNewTask(instance, "sign-contract", firstSign.getUserTaskKey());
    String secondDocument = (String) fixtures.contractOf(instance).get("current_document_sha256");
    assertThat(secondDocument).isNotEqualTo(firstDocument);
    fixtures.loginAs(signatory);
    assertThatThrownBy(
            () ->
                signing.sign(
                    secondSign.getUserTaskKey(),
                    new SignatureInput("Sam Signatory", true, firstDocument, null, null)))
        .isInstanceOfSatisfying(
            ContractSigningException.class,
            e -> assertThat(e.messageKey()).isEqualTo("contract.error.documentChanged"));
    fixtures.sign(secondSign.getUserTaskKey(), signatory);
    UserTask secondCountersign =
        fixtures.awaitNewTask(instance, "countersign-contract", countersign.getUserTaskKey());
    fixtures.sign(secondCountersign.getUserTaskKey(), "legal");
    fixtures.awaitCompleted(instance);
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("IN_FORCE");
    assertThat(auditTrailOf(fixtures.contractOf(instance)))
        .containsExactly(
            "CONTRACT_SIGNED by " + signatory,
            "CONTRACT_CHANGES_REQUESTED by legal",
            "CONTRACT_SIGNED by " + signatory,
            "CONTRACT_COUNTERSIGNED by legal");
  }

  @Test
  void shouldLetTheManagerReissueADeclinedContractAndCancelOnTheSecondDecline() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.REFERRAL, PartnerTier.REGISTERED, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask firstSign = fixtures.awaitTask(instance, "sign-contract");

    // when: the partner declines, the manager re-issues
    fixtures.loginAs(signatory);
    signing.decline(firstSign.getUserTaskKey(), "The commission table is missing.");
    SecurityContextHolder.clearContext();
    UserTask handle = fixtures.awaitTask(instance, "handle-declined-contract");
    assertThat(fixtures.contractOf(instance))
        .containsEntry("status", "DECLINED")
        .containsEntry("decline_reason", "The commission table is missing.");
    fixtures.completeAsStaff(handle, "manager", Map.of("decision", "reissue"));
    UserTask secondSign =
        fixtures.awaitNewTask(instance, "sign-contract", firstSign.getUserTaskKey());
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("AWAITING_SIGNATURE");

    // and declines again, and the manager cancels
    fixtures.loginAs(signatory);
    signing.decline(secondSign.getUserTaskKey(), "We will not sign.");
    SecurityContextHolder.clearContext();
    UserTask secondHandle =
        fixtures.awaitNewTask(instance, "handle-declined-contract", handle.getUserTaskKey());
    fixtures.completeAsStaff(secondHandle, "manager", Map.of("decision", "cancel"));

    // then
    fixtures.awaitCompleted(instance);
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("CANCELLED");
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(filter -> filter.processInstanceKey(instance).name("contractStatus"))
                .send()
                .join()
                .items())
        .extracting(variable -> variable.getValue())
        .containsExactly("\"CANCELLED\"");
    assertThat(fixtures.templatesSentTo("manager@demo.partnerflow.io"))
        .contains("contract-declined");
    assertThat(auditTrailOf(fixtures.contractOf(instance)))
        .containsExactly("CONTRACT_DECLINED by " + signatory, "CONTRACT_DECLINED by " + signatory);
  }

  @Test
  void shouldRemindTheSignatoryEveryThreeDaysWhileTheTaskStaysOpen() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.SILVER, "FR");
    long instance = fixtures.startSigning(partnerId);
    UserTask sign = fixtures.awaitTask(instance, "sign-contract");
    String contact = fixtures.contactEmail(partnerId);
    Instant start = Instant.now();

    try {
      // when: two days later nothing; three days and an hour later the first reminder
      fixtures.pinClock(start.plus(Duration.ofDays(2)));
      Thread.sleep(1500);
      assertThat(reminders(contact)).isZero();
      fixtures.pinClock(start.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
      ContractFixtures.await(() -> Optional.of(reminders(contact)).filter(count -> count == 1));
      // and six days and an hour later the second
      fixtures.pinClock(start.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)));
      ContractFixtures.await(() -> Optional.of(reminders(contact)).filter(count -> count == 2));
    } finally {
      fixtures.resetClock();
    }

    // then: the same signing task is still open
    assertThat(fixtures.awaitTask(instance, "sign-contract").getUserTaskKey())
        .isEqualTo(sign.getUserTaskKey());
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("AWAITING_SIGNATURE");
  }

  @Test
  void shouldExtendAnExpiredContractWithAFreshDeadline() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.REGISTERED, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask firstSign = fixtures.awaitTask(instance, "sign-contract");
    Instant expired = Instant.now().plus(Duration.ofDays(30)).plus(Duration.ofHours(1));

    UserTask secondSign;
    try {
      // when: 30 days pass unsigned, the manager extends
      fixtures.pinClock(expired);
      UserTask decide = fixtures.awaitTask(instance, "decide-expired-contract");
      assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("EXPIRED");
      assertThat(fixtures.templatesSentTo("manager@demo.partnerflow.io"))
          .contains("contract-expired");
      fixtures.completeAsStaff(decide, "manager", Map.of("decision", "extend"));
      secondSign = fixtures.awaitNewTask(instance, "sign-contract", firstSign.getUserTaskKey());
    } finally {
      fixtures.resetClock();
    }

    // then: a fresh 30 days from the extension, and the contract can be signed
    assertThat(secondSign.getDueDate())
        .isAfter(OffsetDateTime.ofInstant(expired.plus(Duration.ofDays(29)), ZoneOffset.UTC));
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("AWAITING_SIGNATURE");
    fixtures.sign(secondSign.getUserTaskKey(), signatory);
    fixtures.awaitCompleted(instance);
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("IN_FORCE");
  }

  @Test
  void shouldCancelAnExpiredContractWhenTheManagerSaysSo() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.MARKETPLACE, PartnerTier.REGISTERED, "NL");
    long instance = fixtures.startSigning(partnerId);
    fixtures.awaitTask(instance, "sign-contract");

    try {
      // when
      fixtures.pinClock(Instant.now().plus(Duration.ofDays(31)));
      UserTask decide = fixtures.awaitTask(instance, "decide-expired-contract");
      fixtures.completeAsStaff(decide, "lead", Map.of("decision", "cancel"));
      fixtures.awaitCompleted(instance);
    } finally {
      fixtures.resetClock();
    }

    // then
    assertThat(fixtures.contractOf(instance).get("status")).isEqualTo("CANCELLED");
  }

  @Test
  void shouldStartTheRenewal60DaysBeforeTheContractEnds() throws Exception {
    // given: a contract in force
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.REGISTERED, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    fixtures.sign(fixtures.awaitTask(instance, "sign-contract").getUserTaskKey(), signatory);
    fixtures.awaitCompleted(instance);
    Map<String, Object> contract = fixtures.contractOf(instance);
    long contractId = ((Number) contract.get("id")).longValue();
    LocalDate endsOn = ((Date) contract.get("ends_on")).toLocalDate();
    Instant renewalDue = endsOn.minusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant();

    try {
      // when: a day before the renewal is due nothing; an hour after it, the renewal
      fixtures.pinClock(renewalDue.minus(Duration.ofDays(1)));
      Thread.sleep(1500);
      assertThat(renewalsOf(contractId)).isEmpty();
      fixtures.pinClock(renewalDue.plus(Duration.ofHours(1)));
      Map<String, Object> renewal =
          ContractFixtures.await(() -> renewalsOf(contractId).stream().findFirst());

      // then: a new contract for the same partner, effective the day after the old one ends
      assertThat(((Number) renewal.get("partner_id")).longValue()).isEqualTo(partnerId);
      assertThat(((Date) renewal.get("effective_on")).toLocalDate()).isEqualTo(endsOn.plusDays(1));
      assertThat(renewal.get("template_id")).isEqualTo("resale-agreement");
      assertThat(fixtures.awaitSigningTaskOf(partnerId).getProcessInstanceKey())
          .isEqualTo(((Number) renewal.get("process_instance_key")).longValue());
    } finally {
      fixtures.resetClock();
    }
  }

  private long reminders(String email) {
    return fixtures.templatesSentTo(email).stream()
        .filter("contract-signing-reminder"::equals)
        .count();
  }

  /** The audit entries about the contract, oldest first, as "ACTION by actor". */
  private List<String> auditTrailOf(Map<String, Object> contract) {
    return jdbc.sql(
            "SELECT action || ' by ' || actor FROM app.audit_log"
                + " WHERE subject_type = 'contract' AND subject_id = :id ORDER BY id")
        .param("id", String.valueOf(contract.get("id")))
        .query(String.class)
        .list();
  }

  private List<Map<String, Object>> renewalsOf(long contractId) {
    return jdbc.sql("SELECT * FROM app.contract WHERE renewal_of = :id")
        .param("id", contractId)
        .query()
        .listOfRows();
  }
}
