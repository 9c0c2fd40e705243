package io.partnerflow.app.contract;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.ProcessProbes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Partners, their signatories and contract-signing instances on the embedded engine, and the people
 * who work the tasks: the partner's signatory through {@link ContractSigning}, staff as the task
 * list does (claimed, the completion naming them).
 */
final class ContractFixtures {

  static final String ADDRESS = "203.0.113.7";
  static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) ContractFixtures";

  private final CamundaClient client;
  private final PartnerService partners;
  private final UserAccountService users;
  private final UserDetailsService userDetails;
  private final JdbcClient jdbc;
  private final ContractSigning signing;

  ContractFixtures(
      CamundaClient client,
      PartnerService partners,
      UserAccountService users,
      UserDetailsService userDetails,
      JdbcClient jdbc,
      ContractSigning signing) {
    this.client = client;
    this.partners = partners;
    this.users = users;
    this.userDetails = userDetails;
    this.jdbc = jdbc;
    this.signing = signing;
  }

  /** A new partner owned by the demo manager, whose primary contact has a unique e-mail. */
  long partner(PartnerType type, PartnerTier tier, String country) {
    String name = PartnerTestData.unique("Signing Partner");
    String email = "signatory-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    name,
                    null,
                    country,
                    type,
                    tier,
                    "manager",
                    PartnerContact.primary("Sam Signatory", email, null),
                    60,
                    null)));
  }

  /** A portal user of the partner. */
  String partnerUser(long partnerId) {
    return PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-test-password-1");
  }

  String contactEmail(long partnerId) {
    return jdbc.sql("SELECT email FROM app.partner_contact WHERE partner_id = :id AND is_primary")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  long startSigning(long partnerId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("contract-signing")
        .latestVersion()
        .variables(Map.of("partnerId", partnerId))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  UserTask awaitTask(long instanceKey, String elementId) throws InterruptedException {
    return new ProcessProbes(client).awaitOpenTask(instanceKey, elementId);
  }

  /** The partner's open signing task, wherever it was started (onboarding, renewal). */
  UserTask awaitSigningTaskOf(long partnerId) throws InterruptedException {
    return await(
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
  }

  /** The next open task of the element other than {@code previousKey}. */
  UserTask awaitNewTask(long instanceKey, String elementId, long previousKey)
      throws InterruptedException {
    return await(
        () ->
            client
                .newUserTaskSearchRequest()
                .filter(
                    filter ->
                        filter
                            .processInstanceKey(instanceKey)
                            .elementId(elementId)
                            .state(UserTaskState.CREATED))
                .send()
                .join()
                .items()
                .stream()
                .filter(task -> task.getUserTaskKey() != previousKey)
                .findFirst());
  }

  void awaitCompleted(long instanceKey) throws InterruptedException {
    new ProcessProbes(client).awaitCompleted(instanceKey);
  }

  /** Signs as the user: opens the task and signs the document it shows. */
  void sign(long taskKey, String username) {
    loginAs(username);
    try {
      SigningTask task = signing.open(taskKey);
      signing.sign(
          taskKey,
          new SignatureInput("Sam Signatory", true, task.document().sha256(), ADDRESS, USER_AGENT));
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * Completes a staff task as a person does in the task list: claimed, the completion naming them.
   */
  void completeAsStaff(UserTask task, String username, Map<String, Object> variables) {
    new ProcessProbes(client).completeAsStaff(task, username, variables);
  }

  void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  Map<String, Object> contractOf(long instanceKey) {
    return jdbc.sql("SELECT * FROM app.contract WHERE process_instance_key = :key")
        .param("key", instanceKey)
        .query()
        .singleRow();
  }

  List<Map<String, Object>> signaturesOf(long contractId) {
    return jdbc.sql(
            "SELECT * FROM app.contract_signature WHERE contract_id = :id ORDER BY signed_at, id")
        .param("id", contractId)
        .query()
        .listOfRows();
  }

  List<String> templatesSentTo(String email) {
    return jdbc.sql(
            "SELECT template FROM app.notification_outbox WHERE recipient_email = :email"
                + " ORDER BY id")
        .param("email", email)
        .query(String.class)
        .list();
  }

  String partnerStatus(long partnerId) {
    return jdbc.sql("SELECT status FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  /** Moves the engine clock; reset it in a finally block with {@link #resetClock()}. */
  void pinClock(Instant at) {
    new ProcessProbes(client).pinClock(at);
  }

  void resetClock() {
    new ProcessProbes(client).resetClock();
  }

  static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    return ProcessProbes.await(probe);
  }
}
