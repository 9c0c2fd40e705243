package io.partnerflow.app.enablement.learning;

import java.time.Instant;

/**
 * Where a person stands with a quiz before (or between) attempts.
 *
 * @param nextAttemptAllowedAt when the next attempt may start; null when now, passed or none left
 * @param openAttemptId the started, unsubmitted attempt, or null
 * @param lastSubmittedAttemptId the latest graded attempt, or null
 */
public record QuizStanding(
    long quizId,
    int attemptsUsed,
    int maxAttempts,
    int attemptsLeft,
    Instant nextAttemptAllowedAt,
    Long openAttemptId,
    Long lastSubmittedAttemptId,
    boolean passed) {}
