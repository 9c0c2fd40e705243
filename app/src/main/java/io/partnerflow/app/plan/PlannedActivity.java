package io.partnerflow.app.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An event, campaign or training the partner plans.
 *
 * @param owner who runs it (a name)
 * @param fundingAmount the funding requested from the platform, or null for none
 * @param fundingCurrency ISO 4217, set when an amount is
 */
public record PlannedActivity(
    ActivityKind kind,
    String title,
    LocalDate date,
    String owner,
    BigDecimal fundingAmount,
    String fundingCurrency) {}
