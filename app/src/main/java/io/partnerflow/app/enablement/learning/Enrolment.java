package io.partnerflow.app.enablement.learning;

import java.time.Instant;

/** A person on a course version (they keep that version). */
public record Enrolment(
    long id,
    long userId,
    long partnerId,
    long courseVersionId,
    EnrolmentStatus status,
    int modulesDone,
    Instant assignedAt,
    Instant startedAt,
    Instant completedAt) {}
