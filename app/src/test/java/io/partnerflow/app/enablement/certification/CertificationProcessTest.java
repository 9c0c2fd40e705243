package io.partnerflow.app.enablement.certification;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.enablement.learning.AttemptResult;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.ProcessProbes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * bpmn/certification.bpmn on the embedded engine with the app's workers: the person asks for the
 * exam and takes it through {@link CertificationExams} (graded by the learning feature's quiz
 * attempts), timers are reached by pinning the engine clock. The tier review is observed through a
 * probe process that starts on the same message, as the tier review does.
 */
@PartnerflowTest
class CertificationProcessTest {

  private static final String PROBE = "certification-test-tier-review-probe";

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired CertificationExams exams;
  @Autowired CertificationService certification;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  private CertificationFixtures fixtures;

  @BeforeEach
  void setUp() {
    deployments.deploy(deployments.configuredModels());
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROBE)
                .startEvent("tier-review-heard")
                .message("tier-review-requested")
                .endEvent()
                .done(),
            PROBE + ".bpmn")
        .send()
        .join();
    fixtures = new CertificationFixtures(partners, users, jdbc);
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
    client.newResetClockCommand().send().join();
  }

  @Test
  void shouldIssueTheCertificateWhenThePersonPassesTheExamAndRequestATierReview() throws Exception {
    // given: a certification without courses (nothing to pass first) and a partner user
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    String person = fixtures.mainContact(partnerId);

    // when
    long instance = requestExam(person, certificationId);
    UserTask exam = awaitTask(instance, "take-certification-exam");
    AttemptResult result = takeExam(person, exam.getUserTaskKey(), true);

    // then
    assertThat(exam.getAssignee()).isEqualTo(person);
    assertThat(result.passed()).isTrue();
    Certificate issued = awaitCertificate(person, CertificateStatus.VALID);
    assertThat(issued.certificationId()).isEqualTo(certificationId);
    assertThat(issued.partnerId()).isEqualTo(partnerId);
    assertThat(awaitReviewRequests(partnerId, 1)).containsExactly("certificate-issued");
    assertThat(templatesSentTo(person + "@partner.example")).contains("certificate-issued");
    assertThat(activeElement(instance)).isEqualTo("renewal-due");
  }

  @Test
  void shouldRenewTheCertificateWhenTheRecertificationExamIsPassedBeforeTheExpiry()
      throws Exception {
    // given: a certified person
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    String person = fixtures.mainContact(partnerId);
    long instance = requestExam(person, certificationId);
    takeExam(person, awaitTask(instance, "take-certification-exam").getUserTaskKey(), true);
    Certificate first = awaitCertificate(person, CertificateStatus.VALID);
    awaitActiveElement(instance, "renewal-due");

    // when: 60 days before the expiry the reminder and the recertification exam come
    client.newPinClockCommand().time(first.expiresAt().minus(Duration.ofDays(59))).send().join();
    UserTask recertification = awaitTask(instance, "take-recertification-exam");
    assertThat(templatesSentTo(person + "@partner.example"))
        .contains("certificate-renewal-reminder");
    takeExam(person, recertification.getUserTaskKey(), true);

    // then: a new certificate from the old expiry; the old one RENEWED; the wait starts again
    awaitActiveElement(instance, "renewal-due");
    Certificate renewed =
        SystemIdentity.call(() -> certification.certificate(first.id())).renewedById() == null
            ? null
            : SystemIdentity.call(
                () ->
                    certification.certificate(certification.certificate(first.id()).renewedById()));
    assertThat(renewed).isNotNull();
    assertThat(renewed.status()).isEqualTo(CertificateStatus.VALID);
    assertThat(renewed.expiresAt()).isAfter(first.expiresAt());
    assertThat(SystemIdentity.call(() -> certification.certificate(first.id())).status())
        .isEqualTo(CertificateStatus.RENEWED);
    assertThat(variable(instance, "certificateId")).isEqualTo(String.valueOf(renewed.id()));
  }

  @Test
  void shouldGiveTheRecertificationExamTheExamsAttemptsAgain() throws Exception {
    // given: a person certified at the last of the exam's three attempts
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    String person = fixtures.mainContact(partnerId);
    long instance = requestExam(person, certificationId);
    long exam = awaitTask(instance, "take-certification-exam").getUserTaskKey();
    assertThat(takeExam(person, exam, false).attemptsLeft()).isEqualTo(2);
    assertThat(takeExam(person, exam, false).attemptsLeft()).isEqualTo(1);
    assertThat(takeExam(person, exam, true).passed()).isTrue();
    Certificate first = awaitCertificate(person, CertificateStatus.VALID);
    awaitActiveElement(instance, "renewal-due");

    // when: the recertification exam comes
    client.newPinClockCommand().time(first.expiresAt().minus(Duration.ofDays(59))).send().join();
    long recertification = awaitTask(instance, "take-recertification-exam").getUserTaskKey();

    // then: it counts its own attempts, not the first exam's
    AttemptResult failed = takeExam(person, recertification, false);
    assertThat(failed.attemptsLeft()).isEqualTo(2);
    assertThat(takeExam(person, recertification, true).passed()).isTrue();
    awaitActiveElement(instance, "renewal-due");
    assertThat(SystemIdentity.call(() -> certification.certificate(first.id())).status())
        .isEqualTo(CertificateStatus.RENEWED);
  }

  @Test
  void shouldLapseTheCertificateAtTheExpiryTellThePersonAndTheManagerAndRequestATierReview()
      throws Exception {
    // given: a certified person who does not take the recertification exam
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    String person = fixtures.mainContact(partnerId);
    long instance = requestExam(person, certificationId);
    takeExam(person, awaitTask(instance, "take-certification-exam").getUserTaskKey(), true);
    Certificate issued = awaitCertificate(person, CertificateStatus.VALID);
    awaitActiveElement(instance, "renewal-due");
    client.newPinClockCommand().time(issued.expiresAt().minus(Duration.ofDays(59))).send().join();
    awaitTask(instance, "take-recertification-exam");

    // when: the expiry passes
    client.newPinClockCommand().time(issued.expiresAt().plus(Duration.ofHours(1))).send().join();

    // then
    awaitCompleted(instance);
    assertThat(SystemIdentity.call(() -> certification.certificate(issued.id())).status())
        .isEqualTo(CertificateStatus.LAPSED);
    assertThat(SystemIdentity.call(() -> certification.validCertificates(partnerId))).isEmpty();
    assertThat(templatesSentTo(person + "@partner.example")).contains("certificate-lapsed");
    assertThat(templatesSentTo("manager@demo.partnerflow.io")).contains("certificate-lapsed");
    assertThat(awaitReviewRequests(partnerId, 2))
        .containsExactlyInAnyOrder("certificate-issued", "certificate-lapsed");
  }

  @Test
  void shouldEndWithoutACertificateWhenTheLastAttemptFails() throws Exception {
    // given: an exam of one attempt
    long certificationId = fixtures.certification(12);
    jdbc.sql(
            "UPDATE app.quiz SET max_attempts = 1 WHERE id = (SELECT exam_quiz_id FROM"
                + " app.certification WHERE id = :id)")
        .param("id", certificationId)
        .update();
    String person = fixtures.mainContact(fixtures.partner());
    long instance = requestExam(person, certificationId);

    // when
    AttemptResult result =
        takeExam(person, awaitTask(instance, "take-certification-exam").getUserTaskKey(), false);

    // then
    assertThat(result.outOfAttempts()).isTrue();
    awaitCompleted(instance);
    assertThat(activeOrCompletedElements(instance)).contains("exam-failed");
    loginAs(person);
    assertThat(certification.mine()).isEmpty();
  }

  private long requestExam(String person, long certificationId) {
    loginAs(person);
    try {
      return exams.requestExam(certificationId, "en");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Answers every question right (the fixtures' first option) or wrong, as the person. */
  private AttemptResult takeExam(String person, long taskKey, boolean right) {
    loginAs(person);
    try {
      AttemptSheet sheet = exams.startAttempt(taskKey);
      Map<Long, Set<Long>> answers = new HashMap<>();
      for (AttemptSheet.Question question : sheet.questions()) {
        answers.put(
            question.id(),
            question.options().stream()
                .filter(option -> (option.position() == 1) == right)
                .limit(1)
                .map(AttemptSheet.Option::id)
                .collect(Collectors.toSet()));
      }
      return exams.submit(taskKey, sheet.attemptId(), answers);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Certificate awaitCertificate(String person, CertificateStatus status)
      throws InterruptedException {
    return await(
        () -> {
          loginAs(person);
          try {
            return certification.mine().stream().filter(c -> c.status() == status).findFirst();
          } finally {
            SecurityContextHolder.clearContext();
          }
        });
  }

  private UserTask awaitTask(long instance, String elementId) throws InterruptedException {
    return new ProcessProbes(client).awaitOpenTask(instance, elementId);
  }

  private void awaitCompleted(long instance) throws InterruptedException {
    new ProcessProbes(client).awaitCompleted(instance);
  }

  private void awaitActiveElement(long instance, String elementId) throws InterruptedException {
    await(() -> Optional.ofNullable(activeElement(instance)).filter(elementId::equals));
  }

  private String activeElement(long instance) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance).state(ElementInstanceState.ACTIVE))
        .send()
        .join()
        .items()
        .stream()
        .map(element -> element.getElementId())
        .filter(id -> !id.equals("certification"))
        .findFirst()
        .orElse(null);
  }

  private List<String> activeOrCompletedElements(long instance) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance))
        .page(page -> page.limit(100))
        .send()
        .join()
        .items()
        .stream()
        .map(element -> element.getElementId())
        .toList();
  }

  private String variable(long instance, String name) {
    return client
        .newVariableSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance).name(name))
        .send()
        .join()
        .items()
        .stream()
        .map(Variable::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The reasons of the tier reviews requested for the partner, once there are that many. */
  private List<String> awaitReviewRequests(long partnerId, int count) throws InterruptedException {
    return await(
        () -> {
          List<String> reasons =
              client
                  .newProcessInstanceSearchRequest()
                  .filter(filter -> filter.processDefinitionId(PROBE))
                  .page(page -> page.limit(1000))
                  .send()
                  .join()
                  .items()
                  .stream()
                  .filter(
                      probe ->
                          String.valueOf(partnerId)
                              .equals(variable(probe.getProcessInstanceKey(), "partnerId")))
                  .map(probe -> variable(probe.getProcessInstanceKey(), "reason"))
                  .map(reason -> reason.replace("\"", ""))
                  .toList();
          return reasons.size() >= count ? Optional.of(reasons) : Optional.empty();
        });
  }

  private List<String> templatesSentTo(String email) {
    return jdbc.sql(
            "SELECT template FROM app.notification_outbox WHERE recipient_email = :email"
                + " ORDER BY id")
        .param("email", email)
        .query(String.class)
        .list();
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    return ProcessProbes.await(probe);
  }
}
