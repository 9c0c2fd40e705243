package io.partnerflow.app.enablement.learning;

import java.time.Instant;

/**
 * A quiz attempt that may not start or a submission that is not taken; the message says why (and,
 * when waiting helps, from when a next attempt is allowed). A refused submission changes nothing.
 */
public class QuizRefusedException extends RuntimeException {

  /** Why it was refused. */
  public enum Reason {
    /** every allowed attempt has been used */
    OUT_OF_ATTEMPTS,
    /** the wait since the last submission has not passed */
    TOO_EARLY,
    /** the attempt was submitted before (a replay) */
    ALREADY_SUBMITTED,
    /** no such attempt, quiz or enrolment of the caller's (foreign ones look the same) */
    NOT_FOUND,
    /** answers to questions not drawn, options of other questions, several for a single choice */
    TAMPERED,
    /** the course behind the quiz is passed already */
    ALREADY_PASSED,
    /** the course's modules are not all done yet */
    MODULES_OPEN
  }

  private final Reason reason;
  private final transient Instant nextAttemptAllowedAt;

  QuizRefusedException(Reason reason, String message) {
    this(reason, message, null);
  }

  QuizRefusedException(Reason reason, String message, Instant nextAttemptAllowedAt) {
    super(message);
    this.reason = reason;
    this.nextAttemptAllowedAt = nextAttemptAllowedAt;
  }

  public Reason reason() {
    return reason;
  }

  /** When a next attempt may start (TOO_EARLY), else null. */
  public Instant nextAttemptAllowedAt() {
    return nextAttemptAllowedAt;
  }
}
