package io.partnerflow.app.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.tier.TierReviewRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partners with agreements and certified people (certificates issued by the certification feature),
 * tier reviews on the embedded engine and the partner manager working their task as the task list
 * does.
 */
public final class TierFixtures {

  public static final String SALES = "certified-sales-professional";
  public static final String ENGINEER = "certified-implementation-engineer";
  public static final String PASSWORD = "a-long-test-password-1";

  private final CamundaClient client;
  private final PartnerService partners;
  private final UserAccountService users;
  private final JdbcClient jdbc;
  private final CertificationService certifications;
  private final TierReviewRequests requests;

  public TierFixtures(
      CamundaClient client,
      PartnerService partners,
      UserAccountService users,
      JdbcClient jdbc,
      CertificationService certifications,
      TierReviewRequests requests) {
    this.client = client;
    this.partners = partners;
    this.users = users;
    this.jdbc = jdbc;
    this.certifications = certifications;
    this.requests = requests;
  }

  /** A partner of the demo manager at the tier, its agreement in force. */
  public long partnerWithAgreement(PartnerTier tier) {
    long id = partner(tier);
    PartnerTestData.agreementInForce(jdbc, id);
    return id;
  }

  public long partner(PartnerTier tier) {
    String name = PartnerTestData.unique("Tier Partner");
    String email = "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    name,
                    null,
                    "DE",
                    PartnerType.RESELLER,
                    tier,
                    "manager",
                    PartnerContact.primary("Ann Contact", email, null),
                    60,
                    null)));
  }

  /** Issues certificates of the certification to that many new users of the partner. */
  public List<Long> certify(long partnerId, String certificationCode, int people) {
    long certificationId = certification(certificationCode);
    List<Long> certificates = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String username = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
      long userId =
          jdbc.sql("SELECT id FROM app.app_user WHERE username = :u")
              .param("u", username)
              .query(Long.class)
              .single();
      certificates.add(
          SystemIdentity.call(() -> certifications.issue(certificationId, userId)).id());
    }
    return certificates;
  }

  public void lapse(long certificateId) {
    SystemIdentity.call(() -> certifications.lapse(certificateId));
  }

  /** The certification with that code (created once, with an exam, as the catalogue would). */
  public long certification(String code) {
    Optional<Long> existing =
        jdbc.sql("SELECT id FROM app.certification WHERE code = :code")
            .param("code", code)
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    long quiz =
        jdbc.sql(
                "INSERT INTO app.quiz (kind, pass_mark_percent, max_attempts, attempt_wait_minutes,"
                    + " questions_per_attempt, show_answers) VALUES ('EXAM', 70, 3, 0, NULL, false)"
                    + " RETURNING id")
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO app.certification (code, name_en, name_zh, summary_en, summary_zh,"
                + " validity_months, exam_quiz_id, active) VALUES (:code, :code, :code, '', '', 24,"
                + " :quiz, true) ON CONFLICT (code) DO NOTHING")
        .param("code", code)
        .param("quiz", quiz)
        .update();
    return certification(code);
  }

  /** Asks for a review as the certification journey does, and returns the review's instance. */
  public long review(long partnerId) throws InterruptedException {
    List<Long> before =
        reviews(partnerId).stream().map(ProcessInstance::getProcessInstanceKey).toList();
    requests.request(partnerId, "test", "test-" + UUID.randomUUID());
    return await(
        () ->
            reviews(partnerId).stream()
                .map(ProcessInstance::getProcessInstanceKey)
                .filter(key -> !before.contains(key))
                .findFirst());
  }

  public List<ProcessInstance> reviews(long partnerId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            filter ->
                filter
                    .processDefinitionId("tier-review")
                    .variables(
                        List.of(match -> match.name("partnerId").value(String.valueOf(partnerId)))))
        .send()
        .join()
        .items()
        .stream()
        .sorted(Comparator.comparing(ProcessInstance::getProcessInstanceKey))
        .toList();
  }

  public UserTask awaitTask(long instanceKey, String elementId) throws InterruptedException {
    return new ProcessProbes(client).awaitOpenTask(instanceKey, elementId);
  }

  /** Waits for the instance to complete and returns the end event it completed at. */
  public String awaitCompleted(long instanceKey) throws InterruptedException {
    new ProcessProbes(client).awaitCompleted(instanceKey);
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(instanceKey))
        .page(page -> page.limit(200))
        .send()
        .join()
        .items()
        .stream()
        .filter(element -> element.getType().name().equals("END_EVENT"))
        .map(element -> element.getElementId())
        .findFirst()
        .orElseThrow();
  }

  public Map<String, Object> variables(long instanceKey) {
    Map<String, Object> variables = new java.util.HashMap<>();
    client
        .newVariableSearchRequest()
        .filter(filter -> filter.processInstanceKey(instanceKey))
        .page(page -> page.limit(100))
        .send()
        .join()
        .items()
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }

  /**
   * Completes a staff task as a person does in the task list: claimed, the completion naming them.
   */
  public void completeAsStaff(UserTask task, String username, Map<String, Object> variables) {
    new ProcessProbes(client).completeAsStaff(task, username, variables);
  }

  public String tier(long partnerId) {
    return jdbc.sql("SELECT tier FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  /** The partner's tier changes, oldest first: "old->new reason by actor". */
  public List<String> tierChanges(long partnerId) {
    return jdbc.sql(
            "SELECT old_value || '->' || new_value || ' ' || coalesce(reason, '-') || ' by ' ||"
                + " actor FROM app.partner_event WHERE partner_id = :id AND kind = 'TIER_CHANGED'"
                + " ORDER BY occurred_at, id")
        .param("id", partnerId)
        .query(String.class)
        .list();
  }

  /** The tier changes of the partner in the audit trail: the "after" values as JSON. */
  public List<String> auditedTierChanges(long partnerId) {
    return jdbc.sql(
            "SELECT after::text FROM app.audit_log WHERE subject_type = 'partner' AND subject_id ="
                + " :id AND action = 'PARTNER_CHANGED' AND after::text LIKE '%tier%reason%' ORDER"
                + " BY id")
        .param("id", String.valueOf(partnerId))
        .query(String.class)
        .list();
  }

  public String contactEmail(long partnerId) {
    return jdbc.sql("SELECT email FROM app.partner_contact WHERE partner_id = :id AND is_primary")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  /** The notices about the partner: "template to recipient (language)". */
  public List<String> notices(long partnerId) {
    return jdbc.sql(
            "SELECT template || ' to ' || recipient_email || ' (' || locale || ')' FROM"
                + " app.notification_outbox WHERE reference_type = 'partner' AND reference_id ="
                + " :id AND template LIKE 'tier-%' ORDER BY id")
        .param("id", String.valueOf(partnerId))
        .query(String.class)
        .list();
  }

  public void pinClock(Instant at) {
    new ProcessProbes(client).pinClock(at);
  }

  public void resetClock() {
    new ProcessProbes(client).resetClock();
  }

  public static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    return ProcessProbes.await(probe);
  }
}
