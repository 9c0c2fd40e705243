package io.partnerflow.app.qbr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A quarterly business review as stored ({@code app.quarterly_review}); staff see all of it, a
 * partner user its {@link PartnerReview} view.
 */
public record QuarterlyReview(
    long id,
    long partnerId,
    long planId,
    int planVersion,
    QuarterTarget target,
    LocalDate quarterEnd,
    Instant opensAt,
    Instant missedAt,
    Actuals actuals,
    String selfAssessment,
    String selfAssessedBy,
    Map<String, Integer> scores,
    BigDecimal totalScore,
    String managerNotes,
    String scoredBy,
    ReviewStatus status,
    Instant escalatedAt,
    Instant completedAt,
    long processInstanceKey,
    int version) {

  public String quarter() {
    return target.quarter();
  }

  /**
   * What the partner achieved in the quarter. Certified people are counted by the platform; new
   * customers and revenue are entered by hand (with a note) until deals are recorded.
   */
  public record Actuals(
      Integer certifiedPeople, Integer newCustomers, BigDecimal revenue, String note) {}
}
