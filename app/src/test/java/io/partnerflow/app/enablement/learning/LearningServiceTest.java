package io.partnerflow.app.enablement.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.enablement.learning.LearningFixtures.QuizRows;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Enrolments, modules in order, progress and who may see it, on the real database. */
@PartnerflowTest
class LearningServiceTest {

  @Autowired LearningService learning;
  @Autowired QuizAttempts quizAttempts;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  private LearningFixtures fixtures;
  private long partnerA;
  private String learnerA;
  private long learnerAId;
  private QuizRows quiz;
  private String courseCode;
  private long version;

  @BeforeEach
  void aCourse() {
    fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    partnerA = fixtures.partner();
    learnerA = fixtures.partnerUser(partnerA);
    learnerAId = fixtures.userId(learnerA);
    quiz = fixtures.simpleQuiz(2, 50, 2, 0);
    courseCode = LearningFixtures.code("service");
    version = fixtures.publishedCourse(courseCode, quiz.quizId(), 3);
  }

  @AfterEach
  void logout() {
    fixtures.logout();
  }

  @Test
  void shouldEnrolOnceOnTheLatestPublishedVersion() {
    // when: the process enrols twice (a retried job)
    Enrolment first = SystemIdentity.call(() -> learning.enrol(learnerAId, courseCode));
    Enrolment again = SystemIdentity.call(() -> learning.enrol(learnerAId, courseCode));

    // then
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.courseVersionId()).isEqualTo(version);
    assertThat(first.partnerId()).isEqualTo(partnerA);
    assertThat(first.status()).isEqualTo(EnrolmentStatus.ASSIGNED);
    // a course nobody published is refused with its code
    assertThatThrownBy(() -> SystemIdentity.call(() -> learning.enrol(learnerAId, "no-such")))
        .isInstanceOf(LearningRefusedException.class)
        .hasMessageContaining("no-such");
    // partner users do not enrol themselves
    fixtures.loginAs(learnerA);
    assertThatThrownBy(() -> learning.enrol(learnerAId, courseCode))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldOpenModulesInOrderAndTheQuizAfterTheLast() {
    // given
    long enrolment = SystemIdentity.call(() -> learning.enrol(learnerAId, courseCode)).id();
    fixtures.loginAs(learnerA);

    // then: module 1 open, 2 and 3 locked (no text sent for them)
    CoursePage page = learning.coursePage(enrolment);
    assertThat(page.modules())
        .extracting(ModuleView::state)
        .containsExactly(ModuleState.OPEN, ModuleState.LOCKED, ModuleState.LOCKED);
    assertThat(page.modules().get(1).bodyEn()).isNull();
    assertThat(page.quizOpen()).isFalse();
    assertThatThrownBy(() -> learning.openModule(enrolment, 2))
        .isInstanceOf(LearningRefusedException.class);
    assertThatThrownBy(() -> learning.markDone(enrolment, 2))
        .isInstanceOf(LearningRefusedException.class)
        .hasMessageContaining("module 1");
    assertThatThrownBy(() -> quizAttempts.start(quiz.quizId(), learnerAId, enrolment))
        .isInstanceOf(QuizRefusedException.class);

    // when: module 1 opened and done, twice
    assertThat(learning.openModule(enrolment, 1).bodyEn()).contains("Read **this** first");
    learning.markDone(enrolment, 1);
    page = learning.markDone(enrolment, 1);

    // then
    assertThat(page.course().status()).isEqualTo(EnrolmentStatus.IN_PROGRESS);
    assertThat(page.course().modulesDone()).isEqualTo(1);
    assertThat(page.modules())
        .extracting(ModuleView::state)
        .containsExactly(ModuleState.DONE, ModuleState.OPEN, ModuleState.LOCKED);

    // when: the rest
    learning.markDone(enrolment, 2);
    page = learning.markDone(enrolment, 3);

    // then: the quiz opens; passing it passes the course
    assertThat(page.quizOpen()).isTrue();
    assertThat(page.course().percent()).isEqualTo(75);
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerAId, enrolment);
    quizAttempts.submit(sheet.attemptId(), learnerAId, quiz.rightAnswers(quiz.questionIds()));
    assertThat(learning.myCourses())
        .singleElement()
        .satisfies(
            course -> {
              assertThat(course.status()).isEqualTo(EnrolmentStatus.PASSED);
              assertThat(course.percent()).isEqualTo(100);
            });
    assertThat(learning.passedCourseCodes(learnerAId)).containsExactly(courseCode);
  }

  @Test
  void shouldShowProgressPerPersonAndOrganisationToWhoMaySeeIt() {
    // given: two people of A, one enrolled and one course passed; one person of partner B
    long enrolment = SystemIdentity.call(() -> learning.enrol(learnerAId, courseCode)).id();
    String colleague = fixtures.partnerUser(partnerA);
    long colleagueId = fixtures.userId(colleague);
    SystemIdentity.call(() -> learning.enrol(colleagueId, courseCode));
    jdbc.sql("UPDATE app.enrolment SET status = 'PASSED' WHERE id = :id")
        .param("id", enrolment)
        .update();
    long partnerB = fixtures.partner();
    String learnerB = fixtures.partnerUser(partnerB);

    // then: staff who may (the owning manager, enablement, admin)
    for (String staff : List.of("manager", "enablement", "admin")) {
      fixtures.loginAs(staff);
      OrganisationProgress progress = learning.organisationProgress(partnerA);
      assertThat(progress.people()).as(staff).hasSize(2);
      assertThat(progress.courses()).isEqualTo(2);
      assertThat(progress.passed()).isEqualTo(1);
      assertThat(progress.percentPassed()).isEqualTo(50);
      assertThat(learning.progress(colleagueId).courses()).hasSize(1);
    }
    // a partner manager who does not own the partner, legal: refused
    PartnerTestData.actAs("another-manager", "ROLE_PARTNER_MANAGER");
    assertThatThrownBy(() -> learning.organisationProgress(partnerA))
        .isInstanceOf(AccessDeniedException.class);
    fixtures.loginAs("legal");
    assertThatThrownBy(() -> learning.organisationProgress(partnerA))
        .isInstanceOf(AccessDeniedException.class);
    // partner users: their own progress only, never the organisation's list
    fixtures.loginAs(colleague);
    assertThat(learning.progress(colleagueId).courses()).hasSize(1);
    assertThatThrownBy(() -> learning.progress(learnerAId))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> learning.passedCourseCodes(learnerAId))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> learning.organisationProgress(partnerA))
        .isInstanceOf(AccessDeniedException.class);
    fixtures.loginAs(learnerB);
    assertThatThrownBy(() -> learning.progress(learnerAId))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldKeepPartnerBOffAsEnrolmentAttemptAndFile() {
    // given: A's enrolment with a file in module 1 and an open quiz attempt
    long enrolment = SystemIdentity.call(() -> learning.enrol(learnerAId, courseCode)).id();
    long moduleOne = fixtures.moduleIds(version).get(0);
    long moduleThree = fixtures.moduleIds(version).get(2);
    long file = fixtures.file(moduleOne, "guide.txt", "A's guide".getBytes(StandardCharsets.UTF_8));
    long lockedFile =
        fixtures.file(moduleThree, "later.txt", "later".getBytes(StandardCharsets.UTF_8));
    jdbc.sql("UPDATE app.enrolment SET modules_done = 3 WHERE id = :id")
        .param("id", enrolment)
        .update();
    fixtures.loginAs(learnerA);
    assertThat(new String(learning.file(enrolment, file).content(), StandardCharsets.UTF_8))
        .isEqualTo("A's guide");
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerAId, enrolment);
    jdbc.sql("UPDATE app.enrolment SET modules_done = 0 WHERE id = :id")
        .param("id", enrolment)
        .update();
    // a file of a locked module is not served even to its learner
    assertThatThrownBy(() -> learning.file(enrolment, lockedFile))
        .isInstanceOf(LearningRefusedException.class);

    // when: a user of partner B tries every id of A's
    long partnerB = fixtures.partner();
    String learnerB = fixtures.partnerUser(partnerB);
    long learnerBId = fixtures.userId(learnerB);
    fixtures.loginAs(learnerB);

    // then
    assertThatThrownBy(() -> learning.coursePage(enrolment))
        .isInstanceOf(LearningRefusedException.class);
    assertThatThrownBy(() -> learning.markDone(enrolment, 1))
        .isInstanceOf(LearningRefusedException.class);
    assertThatThrownBy(() -> learning.file(enrolment, file))
        .isInstanceOf(LearningRefusedException.class);
    assertThatThrownBy(() -> quizAttempts.start(quiz.quizId(), learnerBId, enrolment))
        .isInstanceOf(QuizRefusedException.class);
    assertThatThrownBy(
            () ->
                quizAttempts.submit(
                    sheet.attemptId(), learnerBId, quiz.rightAnswers(quiz.questionIds())))
        .isInstanceOf(QuizRefusedException.class);
    assertThatThrownBy(() -> quizAttempts.result(sheet.attemptId(), learnerBId))
        .isInstanceOf(QuizRefusedException.class);
    assertThat(learning.myCourses()).isEmpty();
    assertThat(fixtures.enrolmentStatus(enrolment)).isEqualTo("IN_PROGRESS");
  }
}
