package io.partnerflow.app.plan;

import java.math.BigDecimal;

/**
 * What the partner means to reach in one quarter of the plan year.
 *
 * @param quarter 1 to 4
 * @param revenue in {@code currency} (ISO 4217)
 */
public record QuarterTarget(
    int quarter, int newCustomers, BigDecimal revenue, String currency, int certifiedPeople) {}
