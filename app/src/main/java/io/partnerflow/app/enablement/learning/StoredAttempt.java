package io.partnerflow.app.enablement.learning;

import java.time.Instant;
import java.util.List;

/** A row of {@code app.quiz_attempt}; answers as stored JSON. */
record StoredAttempt(
    long id,
    long quizId,
    long userId,
    Long enrolmentId,
    List<Long> questionIds,
    Instant startedAt,
    Instant submittedAt,
    Integer scorePercent,
    Boolean passed,
    String answersJson) {

  boolean submitted() {
    return submittedAt != null;
  }
}
