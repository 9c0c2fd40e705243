package io.partnerflow.app.qbr;

import java.time.Instant;

/**
 * A quarter's review as recorded: when it opens and when it counts as missed.
 *
 * @param reviewId the review ({@code app.quarterly_review.id})
 * @param opensAt the quarter's last day minus {@code partnerflow.qbr.days-before-quarter-end},
 *     00:00 UTC
 * @param missedAt the day after the quarter's last day plus {@code
 *     partnerflow.qbr.missed-after-days}, 00:00 UTC
 */
public record ScheduledReview(long reviewId, Instant opensAt, Instant missedAt) {}
