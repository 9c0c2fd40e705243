package io.partnerflow.app.qbr;

import java.time.Instant;

/** A review that is open or opens soon, for a manager's "reviews due" list. */
public record DueReview(
    long reviewId,
    long partnerId,
    String partnerName,
    String manager,
    String quarter,
    ReviewStatus status,
    Instant opensAt,
    Instant missedAt,
    boolean escalated) {}
