package io.partnerflow.app.enablement.learning;

import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Quiz;
import io.partnerflow.app.enablement.catalogue.QuizOption;
import io.partnerflow.app.enablement.catalogue.QuizQuestion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person working through a course as the course page does: every module done in order, then the
 * quiz passed, or failed on every allowed attempt (waits skipped by ageing the submissions).
 */
public final class CourseTaker {

  private final LearningService learning;
  private final QuizAttempts quizAttempts;
  private final CatalogueService catalogue;
  private final LearningFixtures fixtures;

  public CourseTaker(
      LearningService learning,
      QuizAttempts quizAttempts,
      CatalogueService catalogue,
      LearningFixtures fixtures) {
    this.learning = learning;
    this.quizAttempts = quizAttempts;
    this.catalogue = catalogue;
    this.fixtures = fixtures;
  }

  /** The person's enrolment ids, oldest first (as the process enrolled them). */
  public List<Long> enrolments(long userId) {
    fixtures.logout();
    return fixtures.enrolmentIds(userId);
  }

  public void take(String username, long enrolmentId, boolean pass) {
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

  /** All correct options of every drawn question, or one wrong option each. */
  private static Map<Long, java.util.Set<Long>> answers(
      Quiz quiz, AttemptSheet sheet, boolean right) {
    Map<Long, java.util.Set<Long>> answers = new HashMap<>();
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
}
