package io.partnerflow.app.enablement.learning;

/**
 * Published (Spring event, in the submitting transaction) when an attempt is graded; listeners use
 * {@code @TransactionalEventListener} to act once it is committed (e.g. complete the course task).
 *
 * @param enrolmentId the course enrolment the attempt belongs to, null for an exam
 */
public record QuizSubmitted(
    long attemptId, long quizId, long userId, Long enrolmentId, boolean passed, int attemptsLeft) {

  public boolean outOfAttempts() {
    return !passed && attemptsLeft == 0;
  }
}
