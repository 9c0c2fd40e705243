package io.partnerflow.app.enablement.learning;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Quiz;
import io.partnerflow.app.enablement.catalogue.QuizOption;
import io.partnerflow.app.enablement.catalogue.QuizQuestion;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * bpmn/partner-enablement.bpmn on the embedded engine with the catalogue's learning-plan decision
 * and starter courses: the plan per person, course tasks completed by the course page's services
 * (passed, or failed when out of attempts), the reminder of a course not started (engine clock),
 * and the manager's notice when the organisation is done.
 */
@PartnerflowTest
class EnablementProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired LearningService learning;
  @Autowired QuizAttempts quizAttempts;
  @Autowired CatalogueService catalogue;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  private LearningFixtures fixtures;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
  }

  @AfterEach
  void logout() {
    fixtures.logout();
  }

  // ---- helpers ------------------------------------------------------------------------------

  long startEnablement(long partnerId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("partner-enablement")
        .latestVersion()
        .variables(Map.of("partnerId", partnerId))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** A person of the partner with the given portal roles (besides main contact and signatory). */
  String person(long partnerId, String... portalRoles) {
    String username = fixtures.partnerUser(partnerId);
    for (String role : portalRoles) {
      jdbc.sql(
              "INSERT INTO app.portal_role (user_id, portal_role) SELECT id, :role FROM"
                  + " app.app_user WHERE username = :u ON CONFLICT DO NOTHING")
          .param("role", role)
          .param("u", username)
          .update();
    }
    return username;
  }

  List<UserTask> courseTasks(long instance, String assignee) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter ->
                filter
                    .processInstanceKey(instance)
                    .elementId("complete-course")
                    .assignee(assignee)
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items();
  }

  Set<String> enrolledCodes(String username) {
    return new TreeSet<>(
        jdbc.sql(
                "SELECT c.code FROM app.enrolment e JOIN app.app_user u ON u.id = e.user_id"
                    + " JOIN app.course_version v ON v.id = e.course_version_id"
                    + " JOIN app.course c ON c.id = v.course_id WHERE u.username = :u")
            .param("u", username)
            .query(String.class)
            .list());
  }

  List<Long> enrolments(String username) {
    return jdbc.sql(
            "SELECT e.id FROM app.enrolment e JOIN app.app_user u ON u.id = e.user_id"
                + " WHERE u.username = :u ORDER BY e.id")
        .param("u", username)
        .query(Long.class)
        .list();
  }

  /** Works through the course as its person does on the course page, then the quiz. */
  void takeCourse(String username, long enrolmentId, boolean pass) {
    fixtures.loginAs(username);
    try {
      CoursePage page = learning.coursePage(enrolmentId);
      for (ModuleView module : page.modules()) {
        learning.markDone(enrolmentId, module.position());
      }
      long userId = fixtures.userId(username);
      Quiz quiz = catalogue.quiz(page.quizId());
      int attempts = pass ? 1 : quiz.maxAttempts();
      for (int i = 0; i < attempts; i++) {
        fixtures.ageSubmissions(userId, quiz.id(), quiz.attemptWaitMinutes() + 1);
        AttemptSheet sheet = quizAttempts.start(quiz.id(), userId, enrolmentId);
        quizAttempts.submit(sheet.attemptId(), userId, answers(quiz, sheet, pass));
      }
    } finally {
      fixtures.logout();
    }
  }

  private static Map<Long, Set<Long>> answers(Quiz quiz, AttemptSheet sheet, boolean right) {
    Map<Long, Set<Long>> answers = new HashMap<>();
    for (AttemptSheet.Question shown : sheet.questions()) {
      QuizQuestion question =
          quiz.questions().stream().filter(q -> q.id() == shown.id()).findFirst().orElseThrow();
      answers.put(
          question.id(),
          question.options().stream()
              .filter(option -> option.correct() == right)
              .limit(right ? Long.MAX_VALUE : 1)
              .map(QuizOption::id)
              .collect(Collectors.toSet()));
    }
    return answers;
  }

  long notices(String template, String email) {
    return jdbc.sql(
            "SELECT count(*) FROM app.notification_outbox WHERE template = :t"
                + " AND recipient_email = :e")
        .param("t", template)
        .param("e", email)
        .query(Long.class)
        .single();
  }

  String email(String username) {
    return users.findByUsername(username).orElseThrow().email();
  }

  ProcessInstanceState state(long instance) {
    return client.newProcessInstanceGetRequest(instance).send().join().getState();
  }

  static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(45));
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within 45 s");
  }
}
