package io.partnerflow.app.enablement.learning;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The grade of a submitted attempt.
 *
 * @param attemptsLeft attempts the person may still start at this quiz
 * @param nextAttemptAllowedAt when the next attempt may start; null when passed or none is left
 * @param answersShown whether the quiz shows the correct answers after submission
 * @param correctAnswers per drawn question the correct option ids; empty unless answersShown
 * @param givenAnswers what was submitted, per drawn question (empty set: unanswered)
 */
public record AttemptResult(
    long attemptId,
    long quizId,
    int scorePercent,
    boolean passed,
    int attemptsLeft,
    Instant nextAttemptAllowedAt,
    boolean answersShown,
    Map<Long, Set<Long>> correctAnswers,
    Map<Long, Set<Long>> givenAnswers) {

  public AttemptResult {
    correctAnswers = Map.copyOf(correctAnswers);
    givenAnswers = Map.copyOf(givenAnswers);
  }

  /** Whether the person is out of attempts without having passed. */
  public boolean outOfAttempts() {
    return !passed && attemptsLeft == 0;
  }
}
