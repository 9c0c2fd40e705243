package io.partnerflow.app.enablement.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.Invitation;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PortalAccount;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
  @Autowired InvitationService invitations;

  private LearningFixtures fixtures;
  private CourseTaker taker;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    taker = new CourseTaker(learning, quizAttempts, catalogue, fixtures);
  }

  @AfterEach
  void logout() {
    fixtures.logout();
  }

  @Test
  void shouldAssignThePlanByTypeTierAndPortalRole() throws Exception {
    // given: a reseller with its main contact, a technical colleague and a disabled one; a
    // referral partner with the same two roles
    long reseller = fixtures.partner(PartnerType.RESELLER, PartnerTier.SILVER);
    String resellerContact = fixtures.partnerUser(reseller);
    String resellerTechnical = fixtures.partnerUser(reseller);
    fixtures.portalRoles(resellerTechnical, "TECHNICAL");
    String disabled = fixtures.partnerUser(reseller);
    jdbc.sql("UPDATE app.app_user SET enabled = false WHERE username = :u")
        .param("u", disabled)
        .update();
    long referral = fixtures.partner(PartnerType.REFERRAL, PartnerTier.REGISTERED);
    String referralContact = fixtures.partnerUser(referral);
    String referralTechnical = fixtures.partnerUser(referral);
    fixtures.portalRoles(referralTechnical, "TECHNICAL");

    // when
    long resellerPlan = startEnablement(reseller);
    long referralPlan = startEnablement(referral);

    // then: one task per course, assigned to its person
    await(
        () -> Optional.of(courseTasks(resellerPlan, resellerTechnical)).filter(t -> t.size() == 2));
    await(() -> Optional.of(courseTasks(resellerPlan, resellerContact)).filter(t -> t.size() == 2));
    await(() -> Optional.of(courseTasks(referralPlan, referralContact)).filter(t -> t.size() == 2));
    assertThat(enrolledCodes(resellerContact))
        .containsExactly("deal-registration", "sales-fundamentals");
    assertThat(enrolledCodes(resellerTechnical))
        .containsExactly("solution-architecture", "technical-implementation");
    assertThat(enrolledCodes(disabled)).isEmpty();
    assertThat(enrolledCodes(referralContact))
        .containsExactly("deal-registration", "sales-fundamentals");
    // referral partners do not deliver: their technical people learn nothing here
    assertThat(enrolledCodes(referralTechnical)).isEmpty();
    assertThat(courseTasks(referralPlan, referralTechnical)).isEmpty();
    assertThat(state(resellerPlan)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldGiveAColleagueWhoJoinsAfterThePlanTheirOwnCoursesAtOnce() throws Exception {
    // given: a reseller whose plan was assigned to its main contact
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.SILVER);
    String contact = fixtures.partnerUser(partnerId);
    long instance = startEnablement(partnerId);
    await(() -> Optional.of(courseTasks(instance, contact)).filter(t -> t.size() == 2));

    // when: a technical colleague is invited and sets their password through the link
    PortalAccount colleague =
        invitations.inviteColleague(
            "tia-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example",
            "Tia Tech",
            partnerId,
            PortalRole.TECHNICAL);
    Invitation link = invitations.issueLink(colleague.userId());
    assertThat(invitations.setPassword(link.token(), "a-long-test-password-1")).isTrue();

    // then: their own courses as tasks of an enablement of their own, nobody else's doubled
    List<UserTask> theirs =
        await(() -> Optional.of(courseTasksOf(colleague.username())).filter(t -> t.size() == 2));
    assertThat(theirs).extracting(UserTask::getProcessInstanceKey).doesNotContain(instance);
    assertThat(enrolledCodes(colleague.username()))
        .containsExactly("solution-architecture", "technical-implementation");
    assertThat(courseTasksOf(contact)).hasSize(2);
  }

  @Test
  void shouldCompleteTheCourseTaskWhenItsQuizIsPassed() throws Exception {
    // given
    long partnerId = fixtures.partner(PartnerType.REFERRAL, PartnerTier.SILVER);
    String contact = fixtures.partnerUser(partnerId);
    long instance = startEnablement(partnerId);
    await(() -> Optional.of(courseTasks(instance, contact)).filter(t -> t.size() == 2));
    List<Long> enrolments = taker.enrolments(fixtures.userId(contact));

    // when: the first course passed on the course page
    taker.take(contact, enrolments.get(0), true);

    // then: its task is done, the other course's task stays open, the plan goes on
    await(() -> Optional.of(courseTasks(instance, contact)).filter(t -> t.size() == 1));
    assertThat(fixtures.enrolmentStatus(enrolments.get(0))).isEqualTo("PASSED");
    assertThat(fixtures.enrolmentStatus(enrolments.get(1))).isEqualTo("ASSIGNED");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(notices("enablement-plan-complete", partnerId)).isZero();
  }

  @Test
  void shouldFinishACourseAsFailedWhenOutOfAttemptsAndTellTheManagerWhenThePlanIsDone()
      throws Exception {
    // given: one person, two courses
    long partnerId = fixtures.partner(PartnerType.REFERRAL, PartnerTier.REGISTERED);
    String contact = fixtures.partnerUser(partnerId);
    long instance = startEnablement(partnerId);
    await(() -> Optional.of(courseTasks(instance, contact)).filter(t -> t.size() == 2));
    List<Long> enrolments = taker.enrolments(fixtures.userId(contact));

    // when: one passed, the other failed on every attempt
    taker.take(contact, enrolments.get(0), true);
    taker.take(contact, enrolments.get(1), false);

    // then: both tasks done, the second course FAILED, the plan complete and the manager told
    await(() -> Optional.of(state(instance)).filter(ProcessInstanceState.COMPLETED::equals));
    assertThat(fixtures.enrolmentStatus(enrolments.get(1))).isEqualTo("FAILED");
    assertThat(notices("enablement-plan-complete", partnerId)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT recipient_email || ' ' || body FROM app.notification_outbox"
                        + " WHERE template = 'enablement-plan-complete' AND reference_id = :p")
                .param("p", String.valueOf(partnerId))
                .query(String.class)
                .single())
        .startsWith(email("manager"))
        .contains("1 of 2 courses passed");
  }

  @Test
  void shouldRemindOnceOfACourseNotStartedAfterTheConfiguredTime() throws Exception {
    // given: two people; one opens a course at once, the other does nothing
    long partnerId = fixtures.partner(PartnerType.REFERRAL, PartnerTier.GOLD);
    String idle = fixtures.partnerUser(partnerId);
    String keen = fixtures.partnerUser(partnerId);
    long instance = startEnablement(partnerId);
    await(() -> Optional.of(courseTasks(instance, idle)).filter(t -> t.size() == 2));
    await(() -> Optional.of(courseTasks(instance, keen)).filter(t -> t.size() == 2));
    for (long enrolment : taker.enrolments(fixtures.userId(keen))) {
      fixtures.loginAs(keen);
      learning.openModule(enrolment, 1);
      fixtures.logout();
    }
    Instant start = Instant.now();

    try {
      // when: six days later nothing; seven days and an hour later the reminders fall due
      client.newPinClockCommand().time(start.plus(Duration.ofDays(6))).send().join();
      Thread.sleep(1500);
      assertThat(notices("enablement-course-reminder", partnerId)).isZero();
      client
          .newPinClockCommand()
          .time(start.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)))
          .send()
          .join();

      // then: the idle person gets one per course, the keen one none
      await(() -> Optional.of(reminders(idle, partnerId)).filter(count -> count == 2));
      Thread.sleep(1000);
    } finally {
      client.newResetClockCommand().send().join();
    }
    assertThat(reminders(idle, partnerId)).isEqualTo(2);
    assertThat(reminders(keen, partnerId)).isZero();
    // the course tasks stay open
    assertThat(courseTasks(instance, idle)).hasSize(2);
    assertThat(
            jdbc.sql(
                    "SELECT subject FROM app.notification_outbox WHERE template ="
                        + " 'enablement-course-reminder' AND recipient_email = :e LIMIT 1")
                .param("e", email(idle))
                .query(String.class)
                .single())
        .startsWith("Reminder: your course");
  }

  long reminders(String username, long partnerId) {
    return jdbc.sql(
            "SELECT count(*) FROM app.notification_outbox WHERE template ="
                + " 'enablement-course-reminder' AND recipient_email = :e AND reference_id = :p")
        .param("e", email(username))
        .param("p", String.valueOf(partnerId))
        .query(Long.class)
        .single();
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

  List<UserTask> courseTasksOf(String assignee) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter ->
                filter.elementId("complete-course").assignee(assignee).state(UserTaskState.CREATED))
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

  long notices(String template, long partnerId) {
    return jdbc.sql(
            "SELECT count(*) FROM app.notification_outbox WHERE template = :t"
                + " AND reference_id = :p")
        .param("t", template)
        .param("p", String.valueOf(partnerId))
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
