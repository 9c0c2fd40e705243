package io.partnerflow.app.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerProcessHistory;
import io.partnerflow.app.partner.ProcessStep;
import io.partnerflow.app.recruitment.application.ApplicationReceipt;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/partner-recruitment.bpmn on the embedded engine, with the app's real job
 * workers, driven as people would: the public application, then the review task through the client.
 */
@PartnerflowTest
class RecruitmentProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerProcessHistory processHistory;

  @BeforeEach
  void deployTheRepositoryModels() {
    // other tests deploy their own partner-recruitment; make the real one the latest again
    deployments.deploy(deployments.configuredModels());
  }

  @Test
  void shouldApproveAnApplicationIntoAPartnerWithAPortalInvitation() throws Exception {
    // given
    Applied applied = apply("DE");
    UserTask review = awaitTask(applied, "review-application");
    // team leads too: the overdue notice sends them to this task
    assertThat(review.getCandidateGroups())
        .containsExactly("partner-managers", "partner-manager-leads");
    assertThat(review.getPriority()).isEqualTo(70);

    // when
    complete(review, Map.of("decision", "approve", "tier", "Gold", "completedBy", "manager"));

    // then
    awaitCompleted(applied);
    Map<String, Object> partner =
        jdbc.sql(
                "SELECT tier, owner_username, fit_score FROM app.partner WHERE application_id = :id")
            .param("id", applied.applicationId())
            .query()
            .singleRow();
    assertThat(partner).containsEntry("tier", "GOLD").containsEntry("owner_username", "manager");
    assertThat(partner.get("fit_score")).isEqualTo(70);
    assertThat(templatesSentTo(applied.email())).contains("portal-invitation", "partner-welcome");
    assertThat(status(applied)).isEqualTo("APPROVED");
    long partnerId =
        jdbc.sql("SELECT id FROM app.partner WHERE application_id = :id")
            .param("id", applied.applicationId())
            .query(Long.class)
            .single();
    assertThat(SystemIdentity.call(() -> processHistory.of(partnerId)))
        .extracting(ProcessStep::elementName, ProcessStep::state)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Review application", "COMPLETED"),
            org.assertj.core.groups.Tuple.tuple("Create partner organisation", "COMPLETED"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.app_user WHERE username = :email")
                .param("email", applied.email())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void shouldRejectAnApplicationWithANotice() throws Exception {
    // given
    Applied applied = apply("FR");

    // when
    complete(awaitTask(applied, "review-application"), Map.of("decision", "reject"));

    // then
    awaitCompleted(applied);
    assertThat(status(applied)).isEqualTo("REJECTED");
    assertThat(templatesSentTo(applied.email())).contains("application-rejected");
    assertThat(partnerCount(applied)).isZero();
  }

  @Test
  void shouldStopAnApplicationFromAnEmbargoedCountryWithoutReview() throws Exception {
    // when
    Applied applied = apply("KP");

    // then
    awaitCompleted(applied);
    assertThat(status(applied)).isEqualTo("BLOCKED");
    assertThat(templatesSentTo(applied.email())).contains("application-rejected");
    assertThat(tasksOf(applied)).isEmpty();
  }

  @Test
  void shouldAskForInformationAndReviewAgainWhenTheApplicantAnswers() throws Exception {
    // given
    Applied applied = apply("NL");
    complete(
        awaitTask(applied, "review-application"),
        Map.of(
            "decision", "request-information",
            "informationRequest", "Which products do you resell today?"));

    // when: the applicant answers on the status page
    UserTask question = awaitTask(applied, "provide-information");
    assertThat(status(applied)).isEqualTo("INFORMATION_REQUESTED");
    assertThat(templatesSentTo(applied.email())).contains("information-requested");
    applications.answerInformationRequest(
        applied.token(),
        question.getUserTaskKey(),
        Map.of("additionalInformation", "Mostly CRM and analytics suites."));

    // then: back to review, and on to a decision
    UserTask secondReview = awaitTask(applied, "review-application");
    assertThat(secondReview.getUserTaskKey()).isNotEqualTo(question.getUserTaskKey());
    complete(secondReview, Map.of("decision", "approve", "tier", "Silver", "completedBy", "lead"));
    awaitCompleted(applied);
    assertThat(status(applied)).isEqualTo("APPROVED");
  }

  @Test
  void shouldNotifyTheTeamLeadWhenTheReviewIsOverdueAndKeepTheTaskOpen() throws Exception {
    // given
    Applied applied = apply("DE");
    UserTask review = awaitTask(applied, "review-application");

    // when: three days and an hour later
    try {
      client.newPinClockCommand().time(Instant.now().plus(Duration.ofHours(73))).send().join();
      await(
          () ->
              jdbc
                  .sql(
                      "SELECT recipient_email FROM app.notification_outbox"
                          + " WHERE template = 'review-overdue' AND reference_id = :id")
                  .param("id", String.valueOf(applied.applicationId()))
                  .query(String.class)
                  .list()
                  .stream()
                  .findFirst()
                  .filter(email -> email.startsWith("lead@")));
    } finally {
      client.newResetClockCommand().send().join();
    }

    // then: the review stays open and can still be decided
    assertThat(awaitTask(applied, "review-application").getUserTaskKey())
        .isEqualTo(review.getUserTaskKey());
    complete(review, Map.of("decision", "reject"));
    awaitCompleted(applied);
  }

  @Test
  void shouldWithdrawTheApplicationWhenTheApplicantDoesNotAnswerFor14Days() throws Exception {
    // given
    Applied applied = apply("NL");
    complete(
        awaitTask(applied, "review-application"),
        Map.of("decision", "request-information", "informationRequest", "Your references?"));
    UserTask question = awaitTask(applied, "provide-information");

    // when
    try {
      client.newPinClockCommand().time(Instant.now().plus(Duration.ofDays(15))).send().join();
      awaitCompleted(applied);
    } finally {
      client.newResetClockCommand().send().join();
    }

    // then
    assertThat(status(applied)).isEqualTo("WITHDRAWN");
    assertThat(client.newUserTaskGetRequest(question.getUserTaskKey()).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }

  private Applied apply(String country) throws Exception {
    String company = "Applicant " + UUID.randomUUID().toString().substring(0, 8);
    String email = company.replace(' ', '-').toLowerCase(Locale.ROOT) + "@example.org";
    Map<String, Object> values = new HashMap<>();
    values.put("companyName", company);
    values.put(
        "website", "https://" + company.replace(' ', '-').toLowerCase(Locale.ROOT) + ".example");
    values.put("country", country);
    values.put("partnerType", "reseller");
    values.put("employees", 40);
    values.put("yearsInBusiness", 6);
    values.put("targetIndustries", List.of("software", "retail"));
    values.put("customersInSegment", 12);
    values.put("certifiedStaff", 3);
    values.put("contactName", "Ada Applicant");
    values.put("contactEmail", email);
    values.put("consent", true);
    ApplicationReceipt receipt =
        applications.submit(
            new ApplicationSubmission(
                values, "", "test-" + UUID.randomUUID(), Locale.ENGLISH, tickets.issue()));
    String token = receipt.statusPath().substring(receipt.statusPath().lastIndexOf('/') + 1);
    Map<String, Object> row =
        await(
            () ->
                jdbc
                    .sql(
                        "SELECT a.id, a.process_instance_key FROM app.application a"
                            + " JOIN app.application_token t ON t.application_id = a.id"
                            + " WHERE t.token_hash = encode(sha256(convert_to(:token, 'UTF8')),"
                            + " 'hex') AND a.process_instance_key IS NOT NULL")
                    .param("token", token)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst());
    return new Applied(
        ((Number) row.get("id")).longValue(),
        ((Number) row.get("process_instance_key")).longValue(),
        token,
        email);
  }

  private UserTask awaitTask(Applied applied, String elementId) throws Exception {
    return await(
        () ->
            client
                .newUserTaskSearchRequest()
                .filter(
                    filter ->
                        filter
                            .processInstanceKey(applied.instanceKey())
                            .elementId(elementId)
                            .state(UserTaskState.CREATED))
                .send()
                .join()
                .items()
                .stream()
                .findFirst());
  }

  @Test
  void shouldRefuseToCompleteAReviewForAnyoneButItsAssignee() throws Exception {
    // given: the lead took the review over after the manager's task list had checked it
    Applied applied = apply("DE");
    long review = awaitTask(applied, "review-application").getUserTaskKey();
    client.newAssignUserTaskCommand(review).assignee("lead").send().join();

    // when: the manager's completion reaches the engine
    assertThatThrownBy(
            () ->
                client
                    .newCompleteUserTaskCommand(review)
                    .variables(Map.of("decision", "reject", "completedBy", "manager"))
                    .action(CompletionGuard.actionOf("manager"))
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(409));

    // then: the review stays open and the lead's
    UserTask after = client.newUserTaskGetRequest(review).send().join();
    assertThat(after.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(after.getAssignee()).isEqualTo("lead");
  }

  private List<UserTask> tasksOf(Applied applied) {
    return client
        .newUserTaskSearchRequest()
        .filter(filter -> filter.processInstanceKey(applied.instanceKey()))
        .send()
        .join()
        .items();
  }

  /** Completes a task as a person does: claimed first, the completion naming them. */
  private void complete(UserTask task, Map<String, Object> variables) {
    String person = String.valueOf(variables.getOrDefault("completedBy", "manager"));
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(person).send().join();
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(variables)
        .action(CompletionGuard.actionOf(person))
        .send()
        .join();
  }

  private void awaitCompleted(Applied applied) throws Exception {
    await(
        () ->
            Optional.of(client.newProcessInstanceGetRequest(applied.instanceKey()).send().join())
                .filter(instance -> instance.getState() == ProcessInstanceState.COMPLETED));
  }

  private List<String> templatesSentTo(String email) {
    return jdbc.sql("SELECT template FROM app.notification_outbox WHERE recipient_email = :email")
        .param("email", email)
        .query(String.class)
        .list();
  }

  private String status(Applied applied) {
    return jdbc.sql("SELECT status FROM app.application WHERE id = :id")
        .param("id", applied.applicationId())
        .query(String.class)
        .single();
  }

  private long partnerCount(Applied applied) {
    return jdbc.sql("SELECT count(*) FROM app.partner WHERE application_id = :id")
        .param("id", applied.applicationId())
        .query(Long.class)
        .single();
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within 30 s");
  }

  private record Applied(long applicationId, long instanceKey, String token, String email) {}
}
