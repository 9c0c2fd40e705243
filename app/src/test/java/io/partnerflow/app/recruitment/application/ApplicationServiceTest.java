package io.partnerflow.app.recruitment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.form.FieldError;
import io.partnerflow.app.form.ValidationMessages;
import io.partnerflow.app.notification.SecretLink;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake against the embedded engine, with a minimal test model of the process. */
@PartnerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationServiceTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired ApplicationRepository repository;
  @Autowired RecruitmentProperties properties;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private RecruitmentTestModel model;

  @BeforeAll
  void deployTestModel() throws Exception {
    model = new RecruitmentTestModel(client);
    model.deploy();
  }

  @Test
  void shouldStoreTheApplicationStartTheProcessAndMailTheStatusLink() throws Exception {
    // given
    String company = uniqueCompany();

    // when
    ApplicationReceipt receipt =
        applications.submit(submission(RecruitmentTestModel.validValues(company), Locale.CHINA));

    // then: stored with its first event and an instance
    String token = tokenOf(receipt);
    assertThat(receipt.statusLink()).isEqualTo(properties.statusLink(token)).startsWith("http");
    ApplicationStatusPage page = applications.statusPage(token).orElseThrow();
    Application application = page.application();
    assertThat(application.companyName()).isEqualTo(company);
    assertThat(application.contactEmail()).isEqualTo("ada@example.com");
    assertThat(application.country()).isEqualTo("DE");
    assertThat(application.partnerType()).isEqualTo("reseller");
    assertThat(application.locale()).isEqualTo("zh-CN");
    assertThat(application.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(application.data()).containsEntry("website", "https://example.com");
    assertThat(application.processInstanceKey()).isNotNull();
    assertThat(page.history())
        .extracting(ApplicationEvent::status)
        .containsExactly(ApplicationStatus.SUBMITTED);
    assertThat(applications.find(application.id())).contains(application);

    // then: the process got the values, the id and the language
    UserTask task = model.awaitInformationTask(application.processInstanceKey());
    Map<String, Object> variables = variablesOf(task.getUserTaskKey());
    assertThat(variables)
        .containsEntry("companyName", company)
        .containsEntry("applicantLocale", "zh-CN")
        .containsKey("applicationId");
    assertThat(((Number) variables.get("applicationId")).longValue()).isEqualTo(application.id());

    // then: the e-mail is in the outbox, its status link masked until it is sent; the token is
    // stored only as its hash
    String body =
        jdbc.sql(
                "SELECT body FROM app.notification_outbox WHERE template = 'application-received'"
                    + " AND reference_type = 'application' AND reference_id = :id")
            .param("id", String.valueOf(application.id()))
            .query(String.class)
            .single();
    assertThat(body).contains(SecretLink.MASK).doesNotContain(token);
    assertThat(
            jdbc.sql("SELECT token_hash FROM app.application_token WHERE application_id = :id")
                .param("id", application.id())
                .query(String.class)
                .list())
        .containsExactly(ApplicationTokens.hash(token))
        .doesNotContain(token);
  }

  @Test
  void shouldStartTheProcessExactlyOnceWhenTheStarterDiedBeforeRecordingIt() {
    // given: an application whose instance runs, but whose record was lost (the app died between
    // creating the instance and storing its key)
    ApplicationReceipt receipt =
        applications.submit(
            submission(RecruitmentTestModel.validValues(uniqueCompany()), Locale.ENGLISH));
    Application started = applications.findByToken(tokenOf(receipt)).orElseThrow();
    long instance = started.processInstanceKey();
    jdbc.sql(
            "UPDATE app.application SET process_instance_key = NULL, start_claimed_until = NULL"
                + " WHERE id = :id")
        .param("id", started.id())
        .update();

    // when: the retry comes round
    boolean recorded = applications.startProcess(started.id());

    // then: the running instance is recorded, no second one exists
    assertThat(recorded).isTrue();
    assertThat(applications.find(started.id()).orElseThrow().processInstanceKey())
        .isEqualTo(instance);
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(
                    filter ->
                        filter
                            .processDefinitionId("partner-recruitment")
                            .variables(Map.of("applicationId", started.id())))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void shouldStopTheStatusLinkAWhileAfterTheApplicationClosed() {
    // given: an application closed (rejected) just now, and another closed 91 days ago
    ApplicationReceipt recent =
        applications.submit(
            submission(RecruitmentTestModel.validValues(uniqueCompany()), Locale.ENGLISH));
    ApplicationReceipt old =
        applications.submit(
            submission(RecruitmentTestModel.validValues(uniqueCompany()), Locale.ENGLISH));
    long recentId = applications.findByToken(tokenOf(recent)).orElseThrow().id();
    long oldId = applications.findByToken(tokenOf(old)).orElseThrow().id();
    applications.recordStatus(recentId, ApplicationStatus.REJECTED, null);
    applications.recordStatus(oldId, ApplicationStatus.REJECTED, null);
    jdbc.sql("UPDATE app.application SET closed_at = now() - interval '91 days' WHERE id = :id")
        .param("id", oldId)
        .update();

    // then: the default of 90 days
    assertThat(applications.statusPage(tokenOf(recent))).isPresent();
    assertThat(applications.statusPage(tokenOf(old))).isEmpty();
  }

  @Test
  void shouldIssueAFreshStatusLinkForEachNoticeSent() {
    // given
    ApplicationReceipt receipt =
        applications.submit(
            submission(RecruitmentTestModel.validValues(uniqueCompany()), Locale.ENGLISH));
    long id = applications.findByToken(tokenOf(receipt)).orElseThrow().id();

    // when
    String link = applications.issueStatusLink(id);

    // then: both links lead to the application
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(token).isNotEqualTo(tokenOf(receipt));
    assertThat(applications.findByToken(token).orElseThrow().id()).isEqualTo(id);
    assertThat(applications.findByToken(tokenOf(receipt)).orElseThrow().id()).isEqualTo(id);
  }

  @Test
  void shouldRefuseAnInvalidApplicationWithFieldErrorsAndStoreNothing() {
    // given
    String company = uniqueCompany();
    Map<String, Object> values = RecruitmentTestModel.validValues(company);
    values.put("contactEmail", "not an address");
    values.put("employees", 0);
    values.remove("consent");

    // when / then
    assertThatThrownBy(() -> applications.submit(submission(values, Locale.ENGLISH)))
        .isInstanceOfSatisfying(
            InvalidApplicationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::key)
                    .contains("contactEmail", "employees", "consent"));
    assertThat(countOf(company)).isZero();
  }

  @Test
  void shouldRefuseASubmissionWithAFieldTheFormDoesNotHave() {
    // given: a tampered request that tries to set what the process decides
    String company = uniqueCompany();
    Map<String, Object> values = RecruitmentTestModel.validValues(company);
    values.put("fitScore", 100);

    // when / then
    assertThatThrownBy(() -> applications.submit(submission(values, Locale.ENGLISH)))
        .isInstanceOfSatisfying(
            InvalidApplicationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::key, FieldError::messageKey)
                    .contains(tuple("fitScore", ValidationMessages.UNKNOWN_FIELD)));
    assertThat(countOf(company)).isZero();
  }

  @Test
  void shouldRefuseOversizeValuesAndOversizeSubmissions() {
    // given
    String company = uniqueCompany();
    Map<String, Object> longName = RecruitmentTestModel.validValues(company + "x".repeat(300));
    Map<String, Object> huge = RecruitmentTestModel.validValues(company);
    huge.put("contactName", "y".repeat(properties.maxSubmissionChars() + 1));

    // when / then: the form's own maximum
    assertThatThrownBy(() -> applications.submit(submission(longName, Locale.ENGLISH)))
        .isInstanceOfSatisfying(
            InvalidApplicationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::key, FieldError::messageKey)
                    .containsExactly(tuple("companyName", ValidationMessages.MAX_LENGTH)));
    // when / then: the whole submission's maximum, before anything else is looked at
    assertThatThrownBy(() -> applications.submit(submission(huge, Locale.ENGLISH)))
        .isInstanceOfSatisfying(
            InvalidApplicationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::messageKey)
                    .containsExactly("apply.error.tooLarge"));
    assertThat(countOf(company)).isZero();
  }

  @Test
  void shouldLimitApplicationsPerAddress() {
    // given
    String address = nextAddress();
    String company = uniqueCompany();
    for (int i = 0; i < properties.maxApplicationsPerAddress(); i++) {
      applications.submit(
          new ApplicationSubmission(
              RecruitmentTestModel.validValues(company),
              null,
              address,
              Locale.ENGLISH,
              tickets.issue()));
    }

    // when / then
    assertThatThrownBy(
            () ->
                applications.submit(
                    new ApplicationSubmission(
                        RecruitmentTestModel.validValues(company),
                        null,
                        address,
                        Locale.ENGLISH,
                        tickets.issue())))
        .isInstanceOf(ApplicationRateLimitedException.class);
    assertThat(countOf(company)).isEqualTo(properties.maxApplicationsPerAddress());

    // then: another address is not affected
    applications.submit(submission(RecruitmentTestModel.validValues(company), Locale.ENGLISH));
    assertThat(countOf(company)).isEqualTo(properties.maxApplicationsPerAddress() + 1);
  }

  @Test
  void shouldNeverStoreTheSendersAddress() {
    // given
    String address = nextAddress();
    String company = uniqueCompany();

    // when
    applications.submit(
        new ApplicationSubmission(
            RecruitmentTestModel.validValues(company),
            null,
            address,
            Locale.ENGLISH,
            tickets.issue()));

    // then
    String stored =
        jdbc.sql("SELECT remote_address_hash FROM app.application WHERE company_name = :company")
            .param("company", company)
            .query(String.class)
            .single();
    assertThat(stored).hasSize(64).doesNotContain(address);
  }

  @Test
  void shouldAcceptAndDropASubmissionWithAFilledHoneypot() {
    // given
    String company = uniqueCompany();

    // when
    ApplicationReceipt receipt =
        applications.submit(
            new ApplicationSubmission(
                RecruitmentTestModel.validValues(company),
                "https://spam.example",
                nextAddress(),
                Locale.ENGLISH,
                tickets.issue()));

    // then: the bot sees a receipt like anyone, but nothing exists behind it
    assertThat(receipt.statusPath()).startsWith("apply/status/");
    assertThat(applications.statusPage(tokenOf(receipt))).isEmpty();
    assertThat(countOf(company)).isZero();
  }

  @Test
  void shouldFindNothingForAWrongOrMalformedToken() {
    assertThat(applications.statusPage(ApplicationTokens.generate())).isEmpty();
    assertThat(applications.statusPage("not-a-token")).isEmpty();
    assertThat(applications.statusPage("' OR '1'='1")).isEmpty();
    assertThat(applications.statusPage(null)).isEmpty();
  }

  @Test
  void shouldShowTheHistoryWithTheStatusesTheProcessRecorded() {
    // given
    String token = tokenOf(applications.submit(submission(uniqueValues(), Locale.ENGLISH)));
    long id = applications.statusPage(token).orElseThrow().application().id();

    // when
    applications.recordStatus(id, ApplicationStatus.SCREENING, null);
    applications.recordStatus(id, ApplicationStatus.INFORMATION_REQUESTED, "See the question");

    // then
    ApplicationStatusPage page = applications.statusPage(token).orElseThrow();
    assertThat(page.application().status()).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
    assertThat(page.history())
        .extracting(ApplicationEvent::status, ApplicationEvent::note)
        .containsExactly(
            tuple(ApplicationStatus.SUBMITTED, null),
            tuple(ApplicationStatus.SCREENING, null),
            tuple(ApplicationStatus.INFORMATION_REQUESTED, "See the question"));
    assertThat(page.history()).allSatisfy(event -> assertThat(event.createdAt()).isNotNull());
  }

  @Test
  void shouldNotRepeatTheCurrentStatusWithoutANote() {
    // given
    String token = tokenOf(applications.submit(submission(uniqueValues(), Locale.ENGLISH)));
    long id = applications.statusPage(token).orElseThrow().application().id();

    // when: a retried job records the same status twice, then a note comes with it
    applications.recordStatus(id, ApplicationStatus.IN_REVIEW, null);
    applications.recordStatus(id, ApplicationStatus.IN_REVIEW, null);
    applications.recordStatus(id, ApplicationStatus.IN_REVIEW, "Second reviewer added");

    // then
    assertThat(applications.statusPage(token).orElseThrow().history())
        .extracting(ApplicationEvent::status, ApplicationEvent::note)
        .containsExactly(
            tuple(ApplicationStatus.SUBMITTED, null),
            tuple(ApplicationStatus.IN_REVIEW, null),
            tuple(ApplicationStatus.IN_REVIEW, "Second reviewer added"));
  }

  @Test
  void shouldRefuseToRecordTheStatusOfAnUnknownApplication() {
    assertThatThrownBy(
            () -> applications.recordStatus(Long.MAX_VALUE, ApplicationStatus.APPROVED, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLetTheApplicantAnswerTheInformationRequestFromTheStatusPage() throws Exception {
    // given
    String token = tokenOf(applications.submit(submission(uniqueValues(), Locale.ENGLISH)));
    Application application = applications.statusPage(token).orElseThrow().application();
    long taskKey = model.awaitInformationTask(application.processInstanceKey()).getUserTaskKey();

    // when: the page shows the open task with its question
    InformationRequest request =
        applications.statusPage(token).orElseThrow().informationRequest().orElseThrow();

    // then
    assertThat(request.taskKey()).isEqualTo(taskKey);
    assertThat(request.form().id()).isEqualTo("additional-information");
    assertThat(request.variables())
        .containsEntry("informationRequest", RecruitmentTestModel.QUESTION);

    // when / then: too short, and an attempt to overwrite the question, are refused
    assertThatThrownBy(
            () ->
                applications.answerInformationRequest(
                    token, taskKey, Map.of("additionalInformation", "Five")))
        .isInstanceOf(InvalidApplicationException.class);
    assertThatThrownBy(
            () ->
                applications.answerInformationRequest(
                    token,
                    taskKey,
                    Map.of(
                        "additionalInformation", "Twelve consultants, four of them certified.",
                        "informationRequest", "changed")))
        .isInstanceOf(InvalidApplicationException.class);
    assertThat(model.stateOf(taskKey)).isEqualTo(UserTaskState.CREATED);

    // when
    applications.answerInformationRequest(
        token, taskKey, Map.of("additionalInformation", "Twelve consultants, four certified."));

    // then
    assertThat(model.stateOf(taskKey)).isEqualTo(UserTaskState.COMPLETED);
    ApplicationStatusPage after = applications.statusPage(token).orElseThrow();
    assertThat(after.application().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
    assertThat(after.history())
        .extracting(ApplicationEvent::status)
        .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW);
    assertThat(after.informationRequest()).isEmpty();
  }

  @Test
  void shouldNotLetOneApplicantAnswerAnotherApplicantsTask() throws Exception {
    // given
    String mine = tokenOf(applications.submit(submission(uniqueValues(), Locale.ENGLISH)));
    String theirs = tokenOf(applications.submit(submission(uniqueValues(), Locale.ENGLISH)));
    Application other = applications.statusPage(theirs).orElseThrow().application();
    long theirTask = model.awaitInformationTask(other.processInstanceKey()).getUserTaskKey();

    // when / then
    assertThatThrownBy(
            () ->
                applications.answerInformationRequest(
                    mine, theirTask, Map.of("additionalInformation", "Not my application.")))
        .isInstanceOf(InformationRequestClosedException.class);
    assertThatThrownBy(
            () ->
                applications.answerInformationRequest(
                    "malformed", theirTask, Map.of("additionalInformation", "No token at all")))
        .isInstanceOf(InformationRequestClosedException.class);
    assertThat(model.stateOf(theirTask)).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void shouldStartTheProcessOfAStoredApplicationThatHasNone() throws Exception {
    // given: an application whose first start failed (stored directly, as the service does)
    String company = uniqueCompany();
    long id =
        repository.insert(
            new NewApplication(
                ApplicationTokens.generate(),
                company,
                "Ada Lovelace",
                "ada@example.com",
                "DE",
                "reseller",
                "{\"companyName\":\"" + company + "\"}",
                "en",
                "retry-test"));
    repository.recordStartFailure(id, "engine unavailable");

    // when
    applications.startPendingProcesses(100);

    // then (the scheduled retry may have been first: it claims the same way)
    Application started = awaitStarted(id);
    assertThat(started.processInstanceKey()).isNotNull();
    assertThat(
            jdbc.sql("SELECT last_start_error IS NULL FROM app.application WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
    // and it is not started twice
    assertThat(applications.startProcess(id)).isFalse();
  }

  private Application awaitStarted(long id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Application application = applications.find(id).orElseThrow();
      if (application.processInstanceKey() != null) {
        return application;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Application " + id + " did not start");
  }

  private Map<String, Object> variablesOf(long taskKey) {
    Map<String, Object> variables = new java.util.HashMap<>();
    client
        .newUserTaskVariableSearchRequest(taskKey)
        .send()
        .join()
        .items()
        .forEach(
            variable -> {
              String value = variable.getValue();
              variables.put(
                  variable.getName(),
                  value.startsWith("\"")
                      ? value.substring(1, value.length() - 1)
                      : value.matches("-?\\d+") ? (Object) Long.valueOf(value) : value);
            });
    return variables;
  }

  private long countOf(String company) {
    return jdbc.sql("SELECT count(*) FROM app.application WHERE company_name LIKE :company")
        .param("company", company + "%")
        .query(Long.class)
        .single();
  }

  private ApplicationSubmission submission(Map<String, Object> values, Locale locale) {
    return new ApplicationSubmission(values, "", nextAddress(), locale, tickets.issue());
  }

  private static Map<String, Object> uniqueValues() {
    return RecruitmentTestModel.validValues(uniqueCompany());
  }

  private static String uniqueCompany() {
    return "Test Partner " + UUID.randomUUID();
  }

  // 203.0.113.100 and up: the demo history's applicants write from 198.51.100-101.x
  private static String nextAddress() {
    return "203.0.113." + (100 + ADDRESSES.incrementAndGet());
  }

  static String tokenOf(ApplicationReceipt receipt) {
    return receipt.statusPath().substring("apply/status/".length());
  }
}
