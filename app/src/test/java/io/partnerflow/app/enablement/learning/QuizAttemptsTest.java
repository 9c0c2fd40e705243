package io.partnerflow.app.enablement.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.app.enablement.catalogue.CatalogueEditing;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.catalogue.CertificationDraft;
import io.partnerflow.app.enablement.catalogue.QuizDraft;
import io.partnerflow.app.enablement.learning.LearningFixtures.QuestionSpec;
import io.partnerflow.app.enablement.learning.LearningFixtures.QuizRows;
import io.partnerflow.app.enablement.learning.QuizRefusedException.Reason;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Attempts at quizzes on the real database: the draw, server grading and every refusal. */
@PartnerflowTest
class QuizAttemptsTest {

  @Autowired QuizAttempts quizAttempts;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired CatalogueEditing catalogueEditing;
  @Autowired CatalogueService catalogue;

  private LearningFixtures fixtures;
  private long partnerId;
  private String learner;
  private long learnerId;

  @BeforeEach
  void aLearner() {
    fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    partnerId = fixtures.partner();
    learner = fixtures.partnerUser(partnerId);
    learnerId = fixtures.userId(learner);
    fixtures.loginAs(learner);
  }

  @AfterEach
  void logout() {
    fixtures.logout();
  }

  @Test
  void shouldGiveEveryQuestionWithoutTheCorrectFlags() throws Exception {
    // given
    QuizRows quiz = fixtures.simpleQuiz(4, 75, 3, 0);

    // when
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);

    // then: all questions in order, options but no hint of which is correct
    assertThat(sheet.questions())
        .extracting(AttemptSheet.Question::id)
        .containsExactlyElementsOf(quiz.questionIds());
    assertThat(sheet.questions().get(0).options()).hasSize(3);
    String rendered = json.writeValueAsString(sheet);
    assertThat(rendered).doesNotContainIgnoringCase("correct");
    assertThat(sheet.attemptNumber()).isEqualTo(1);
    assertThat(storedDraw(sheet.attemptId())).containsExactlyElementsOf(quiz.questionIds());
  }

  @Test
  void shouldDrawQuestionsPerAttemptAndKeepTheDraw() {
    // given: 3 of 8 questions per attempt
    QuizRows quiz =
        fixtures.quiz(
            "EXAM", 60, 3, 0, 3, true, java.util.Collections.nCopies(8, QuestionSpec.single(2, 1)));

    // when
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    AttemptSheet again = quizAttempts.start(quiz.quizId(), learnerId, null);

    // then: three of the quiz's questions, stored; a second start returns the open attempt as drawn
    List<Long> drawn = sheet.questions().stream().map(AttemptSheet.Question::id).toList();
    assertThat(drawn).hasSize(3).isSubsetOf(quiz.questionIds());
    assertThat(storedDraw(sheet.attemptId())).containsExactlyElementsOf(drawn);
    assertThat(again.attemptId()).isEqualTo(sheet.attemptId());
    assertThat(again.questions()).isEqualTo(sheet.questions());
    assertThat(fixtures.attemptCount(learnerId, quiz.quizId())).isEqualTo(1);
  }

  @Test
  void shouldGradeSingleAndMultipleChoiceOnTheServer() {
    // given: one single-choice question, one multiple choice with two correct options
    QuizRows quiz =
        fixtures.quiz(
            "COURSE",
            100,
            3,
            0,
            null,
            true,
            List.of(QuestionSpec.single(3, 2), QuestionSpec.multiple(true, false, true)));
    long single = quiz.questionIds().get(0);
    long multiple = quiz.questionIds().get(1);
    List<Long> multipleOptions = quiz.options().get(multiple);

    // when: the multiple-choice answer names only one of its two correct options
    AttemptSheet first = quizAttempts.start(quiz.quizId(), learnerId, null);
    AttemptResult half =
        quizAttempts.submit(
            first.attemptId(),
            learnerId,
            Map.of(single, quiz.correct().get(single), multiple, Set.of(multipleOptions.get(0))));

    // then
    assertThat(half.scorePercent()).isEqualTo(50);
    assertThat(half.passed()).isFalse();
    assertThat(half.attemptsLeft()).isEqualTo(2);
    assertThat(half.correctAnswers()).isEqualTo(quiz.correct());

    // when: exactly the correct set
    AttemptSheet second = quizAttempts.start(quiz.quizId(), learnerId, null);
    AttemptResult full =
        quizAttempts.submit(second.attemptId(), learnerId, quiz.rightAnswers(quiz.questionIds()));

    // then
    assertThat(full.scorePercent()).isEqualTo(100);
    assertThat(full.passed()).isTrue();
    assertThat(full.nextAttemptAllowedAt()).isNull();
    assertThat(
            jdbc.sql("SELECT passed FROM app.quiz_attempt WHERE id = :id")
                .param("id", second.attemptId())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void shouldNotPassByRoundingUp() {
    // given: 2 of 3 is 66.6 %, the mark is 67 %
    QuizRows quiz = fixtures.simpleQuiz(3, 67, 2, 0);
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    Map<Long, Set<Long>> answers = new HashMap<>(quiz.rightAnswers(quiz.questionIds()));
    answers.remove(quiz.questionIds().get(2));

    // when
    AttemptResult result = quizAttempts.submit(sheet.attemptId(), learnerId, answers);

    // then
    assertThat(result.scorePercent()).isEqualTo(66);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void shouldKeepCountingExamAttemptsWhenTheCertificationIsEdited() {
    // given: a certification whose exam allows two attempts; the learner failed one
    QuizRows exam =
        fixtures.quiz("EXAM", 100, 2, 0, null, false, List.of(QuestionSpec.single(2, 1)));
    String code = "cert-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            "INSERT INTO app.certification (code, name_en, name_zh, summary_en, summary_zh,"
                + " validity_months, exam_quiz_id, active) VALUES (:code, 'Exam chain', '考试链',"
                + " '', '', 12, :quiz, true)")
        .param("code", code)
        .param("quiz", exam.quizId())
        .update();
    AttemptSheet first = quizAttempts.start(exam.quizId(), learnerId, null);
    quizAttempts.submit(first.attemptId(), learnerId, exam.wrongAnswers(exam.questionIds()));

    // when: enablement edits the certification (its exam is written anew)
    fixtures.loginAs("enablement");
    Certification edited =
        catalogueEditing.saveCertification(
            new CertificationDraft(
                code,
                "Exam chain, edited",
                "考试链（已编辑）",
                "",
                "",
                12,
                true,
                List.of(),
                QuizDraft.of(catalogue.quiz(exam.quizId()))));
    fixtures.loginAs(learner);

    // then: a new quiz, but the failed attempt still counts: one attempt left, not two
    assertThat(edited.examQuizId()).isNotEqualTo(exam.quizId());
    QuizStanding standing = quizAttempts.standing(edited.examQuizId(), learnerId);
    assertThat(standing.attemptsUsed()).isEqualTo(1);
    assertThat(standing.attemptsLeft()).isEqualTo(1);
    // and a second edit continues the chain
    fixtures.loginAs("enablement");
    Certification again =
        catalogueEditing.saveCertification(
            new CertificationDraft(
                code,
                "Exam chain, edited twice",
                "考试链（再次编辑）",
                "",
                "",
                12,
                true,
                List.of(),
                QuizDraft.of(catalogue.quiz(edited.examQuizId()))));
    fixtures.loginAs(learner);
    assertThat(quizAttempts.standing(again.examQuizId(), learnerId).attemptsUsed()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAReplayedSubmission() {
    // given
    QuizRows quiz = fixtures.simpleQuiz(2, 100, 3, 0);
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    quizAttempts.submit(sheet.attemptId(), learnerId, quiz.wrongAnswers(quiz.questionIds()));

    // when / then: the same attempt again, now with the right answers
    assertThatThrownBy(
            () ->
                quizAttempts.submit(
                    sheet.attemptId(), learnerId, quiz.rightAnswers(quiz.questionIds())))
        .isInstanceOfSatisfying(
            QuizRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.ALREADY_SUBMITTED);
              assertThat(e.getMessage()).contains("submitted");
            });
    assertThat(
            jdbc.sql("SELECT passed FROM app.quiz_attempt WHERE id = :id")
                .param("id", sheet.attemptId())
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(fixtures.attemptCount(learnerId, quiz.quizId())).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnotherPersonsAttempt() {
    // given: a colleague's open attempt
    QuizRows quiz = fixtures.simpleQuiz(2, 50, 3, 0);
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    String colleague = fixtures.partnerUser(partnerId);
    long colleagueId = fixtures.userId(colleague);
    fixtures.loginAs(colleague);

    // when / then: by their own id, and in the owner's name
    assertThatThrownBy(
            () ->
                quizAttempts.submit(
                    sheet.attemptId(), colleagueId, quiz.rightAnswers(quiz.questionIds())))
        .isInstanceOfSatisfying(
            QuizRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(
            () ->
                quizAttempts.submit(
                    sheet.attemptId(), learnerId, quiz.rightAnswers(quiz.questionIds())))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> quizAttempts.start(quiz.quizId(), learnerId, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> quizAttempts.result(sheet.attemptId(), colleagueId))
        .isInstanceOf(QuizRefusedException.class);

    // and the attempt is still the owner's, open
    fixtures.loginAs(learner);
    assertThat(quizAttempts.standing(quiz.quizId(), learnerId).openAttemptId())
        .isEqualTo(sheet.attemptId());
  }

  @Test
  void shouldRefuseAStartWhenOutOfAttempts() {
    // given: two attempts allowed, both failed
    QuizRows quiz = fixtures.simpleQuiz(2, 100, 2, 0);
    AttemptResult last = null;
    for (int i = 0; i < 2; i++) {
      AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
      last =
          quizAttempts.submit(sheet.attemptId(), learnerId, quiz.wrongAnswers(quiz.questionIds()));
    }
    assertThat(last.attemptsLeft()).isZero();
    assertThat(last.outOfAttempts()).isTrue();
    assertThat(last.nextAttemptAllowedAt()).isNull();

    // when / then
    assertThatThrownBy(() -> quizAttempts.start(quiz.quizId(), learnerId, null))
        .isInstanceOfSatisfying(
            QuizRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.OUT_OF_ATTEMPTS);
              assertThat(e.getMessage()).contains("2 attempts");
            });
    assertThat(fixtures.attemptCount(learnerId, quiz.quizId())).isEqualTo(2);
  }

  @Test
  void shouldRefuseAStartBeforeTheWaitHasPassed() {
    // given: an hour between attempts, one failed
    QuizRows quiz = fixtures.simpleQuiz(2, 100, 3, 60);
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    AttemptResult failed =
        quizAttempts.submit(sheet.attemptId(), learnerId, quiz.wrongAnswers(quiz.questionIds()));
    java.time.Instant submittedAt =
        jdbc.sql("SELECT submitted_at FROM app.quiz_attempt WHERE id = :id")
            .param("id", sheet.attemptId())
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    assertThat(failed.nextAttemptAllowedAt()).isEqualTo(submittedAt.plus(Duration.ofMinutes(60)));

    // when / then: too early, told when
    assertThatThrownBy(() -> quizAttempts.start(quiz.quizId(), learnerId, null))
        .isInstanceOfSatisfying(
            QuizRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_EARLY);
              assertThat(e.nextAttemptAllowedAt()).isEqualTo(failed.nextAttemptAllowedAt());
              assertThat(e.getMessage()).contains(failed.nextAttemptAllowedAt().toString());
            });
    assertThat(fixtures.attemptCount(learnerId, quiz.quizId())).isEqualTo(1);

    // when: the hour has passed
    fixtures.ageSubmissions(learnerId, quiz.quizId(), 61);
    AttemptSheet next = quizAttempts.start(quiz.quizId(), learnerId, null);

    // then
    assertThat(next.attemptNumber()).isEqualTo(2);
  }

  @Test
  void shouldRefuseTamperedAnswersWithoutConsumingTheAttempt() {
    // given: 2 of 4 questions drawn
    QuizRows quiz =
        fixtures.quiz(
            "COURSE",
            50,
            1,
            0,
            2,
            true,
            List.of(
                QuestionSpec.single(3, 0),
                QuestionSpec.single(3, 1),
                QuestionSpec.multiple(true, true, false),
                QuestionSpec.single(3, 2)));
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);
    List<Long> drawn = sheet.questions().stream().map(AttemptSheet.Question::id).toList();
    long notDrawn =
        quiz.questionIds().stream().filter(id -> !drawn.contains(id)).findFirst().orElseThrow();
    long first = drawn.get(0);
    long second = drawn.get(1);
    long singleDrawn =
        sheet.questions().stream().filter(q -> !q.multiple()).findFirst().orElseThrow().id();

    // when / then: an answer to a question not drawn
    assertTampered(sheet, Map.of(notDrawn, quiz.correct().get(notDrawn)));
    // an option of another question
    assertTampered(sheet, Map.of(first, Set.of(quiz.options().get(second).get(0))));
    // two options for a single choice
    assertTampered(
        sheet,
        Map.of(
            singleDrawn,
            Set.of(
                quiz.options().get(singleDrawn).get(0), quiz.options().get(singleDrawn).get(1))));

    // and the only attempt is still open and can be submitted properly
    AttemptResult result =
        quizAttempts.submit(sheet.attemptId(), learnerId, quiz.rightAnswers(drawn));
    assertThat(result.passed()).isTrue();
    assertThat(result.correctAnswers().keySet()).containsExactlyInAnyOrderElementsOf(drawn);
  }

  @Test
  void shouldKeepTheCorrectAnswersBackWhenTheQuizDoesNotShowThem() {
    // given
    QuizRows quiz =
        fixtures.quiz("EXAM", 50, 2, 0, null, false, List.of(QuestionSpec.single(2, 0)));
    AttemptSheet sheet = quizAttempts.start(quiz.quizId(), learnerId, null);

    // when
    AttemptResult result =
        quizAttempts.submit(sheet.attemptId(), learnerId, quiz.wrongAnswers(quiz.questionIds()));

    // then
    assertThat(result.answersShown()).isFalse();
    assertThat(result.correctAnswers()).isEmpty();
    assertThat(quizAttempts.result(sheet.attemptId(), learnerId).orElseThrow().correctAnswers())
        .isEmpty();
  }

  @Test
  void shouldFinishTheEnrolmentOnPassOrWhenOutOfAttempts() {
    // given: two courses of two modules, one enrolment with the modules done, one without
    QuizRows passQuiz = fixtures.simpleQuiz(2, 100, 2, 0);
    QuizRows failQuiz = fixtures.simpleQuiz(2, 100, 1, 0);
    long passCourse =
        fixtures.publishedCourse(LearningFixtures.code("quiz-pass"), passQuiz.quizId(), 2);
    long failCourse =
        fixtures.publishedCourse(LearningFixtures.code("quiz-fail"), failQuiz.quizId(), 2);
    long toPass = fixtures.enrol(learnerId, partnerId, passCourse, 2);
    long toFail = fixtures.enrol(learnerId, partnerId, failCourse, 1);

    // then: the quiz waits for the modules
    assertThatThrownBy(() -> quizAttempts.start(failQuiz.quizId(), learnerId, toFail))
        .isInstanceOfSatisfying(
            QuizRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MODULES_OPEN));
    // and belongs to its course
    assertThatThrownBy(() -> quizAttempts.start(failQuiz.quizId(), learnerId, toPass))
        .isInstanceOfSatisfying(
            QuizRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

    // when
    AttemptSheet pass = quizAttempts.start(passQuiz.quizId(), learnerId, toPass);
    assertThat(fixtures.enrolmentStatus(toPass)).isEqualTo("IN_PROGRESS");
    quizAttempts.submit(pass.attemptId(), learnerId, passQuiz.rightAnswers(passQuiz.questionIds()));
    jdbc.sql("UPDATE app.enrolment SET modules_done = 2 WHERE id = :id")
        .param("id", toFail)
        .update();
    AttemptSheet fail = quizAttempts.start(failQuiz.quizId(), learnerId, toFail);
    quizAttempts.submit(fail.attemptId(), learnerId, failQuiz.wrongAnswers(failQuiz.questionIds()));

    // then
    assertThat(fixtures.enrolmentStatus(toPass)).isEqualTo("PASSED");
    assertThat(fixtures.enrolmentStatus(toFail)).isEqualTo("FAILED");
    assertThatThrownBy(() -> quizAttempts.start(passQuiz.quizId(), learnerId, toPass))
        .isInstanceOfSatisfying(
            QuizRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_PASSED));
  }

  private void assertTampered(AttemptSheet sheet, Map<Long, Set<Long>> answers) {
    assertThatThrownBy(() -> quizAttempts.submit(sheet.attemptId(), learnerId, answers))
        .isInstanceOfSatisfying(
            QuizRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
              assertThat(e.getMessage()).contains("nothing was recorded");
            });
    assertThat(
            jdbc.sql("SELECT submitted_at IS NULL FROM app.quiz_attempt WHERE id = :id")
                .param("id", sheet.attemptId())
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private List<Long> storedDraw(long attemptId) {
    return jdbc.sql("SELECT unnest(question_ids) FROM app.quiz_attempt WHERE id = :id")
        .param("id", attemptId)
        .query(Long.class)
        .list();
  }
}
