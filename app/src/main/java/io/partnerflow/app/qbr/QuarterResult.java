package io.partnerflow.app.qbr;

import java.math.BigDecimal;

/**
 * Plan against actuals of one partner in one quarter (the latest plan version's review), for plan
 * attainment charts. Actuals are null until the review collected or received them.
 *
 * @param totalScore the scorecard total (0-100), null until scored
 */
public record QuarterResult(
    long partnerId,
    String quarter,
    QuarterTarget target,
    Integer actualNewCustomers,
    BigDecimal actualRevenue,
    Integer actualCertifiedPeople,
    BigDecimal totalScore,
    ReviewStatus status) {

  /** Actual revenue as a share of the target (1.0 = met), null when unknown or no target. */
  public BigDecimal revenueAttainment() {
    if (actualRevenue == null || target.revenue().signum() == 0) {
      return null;
    }
    return actualRevenue.divide(target.revenue(), 4, java.math.RoundingMode.HALF_UP);
  }
}
