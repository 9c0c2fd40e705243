package io.partnerflow.app.dashboard;

/**
 * One of a manager's partners in its latest reviewed quarter: plan against actuals as shares of the
 * targets (1.0 = met), null where the quarter has no actual yet or no target.
 */
public record PlanAttainment(
    long partnerId,
    String partnerName,
    String quarter,
    Double newCustomers,
    Double revenue,
    Double certifiedPeople) {}
