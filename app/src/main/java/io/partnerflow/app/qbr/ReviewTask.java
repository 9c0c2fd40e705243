package io.partnerflow.app.qbr;

/**
 * An open review task as its panel shows it.
 *
 * @param manager the partner's manager, for staff; null for a partner user
 * @param review the whole review, for staff; null for a partner user
 * @param partnerView what a partner user sees of the review (also filled for staff)
 * @param scorecard the criteria and weights, for staff; null for a partner user
 * @param action the action of an {@code agreed-action} task, else null
 */
public record ReviewTask(
    long taskKey,
    String elementId,
    String partnerName,
    String manager,
    QuarterlyReview review,
    PartnerReview partnerView,
    Scorecard scorecard,
    ReviewAction action) {}
