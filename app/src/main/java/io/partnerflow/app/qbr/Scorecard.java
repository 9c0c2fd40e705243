package io.partnerflow.app.qbr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The weighted scorecard: every criterion rated 1 (far below the plan) to 5 (far above); the total
 * is {@code sum(weight x rating) / (5 x sum(weights)) x 100}, two decimals, so all 5 give 100 and
 * all 1 give 20.
 */
public record Scorecard(List<Criterion> criteria) {

  public static final int LOWEST = 1;
  public static final int HIGHEST = 5;

  public Scorecard {
    criteria = List.copyOf(criteria);
    if (criteria.isEmpty() || criteria.stream().mapToInt(Criterion::weight).sum() == 0) {
      throw new IllegalStateException(
          "The scorecard has no weighted criterion (qbr-scorecard.dmn)");
    }
  }

  /**
   * The total of the ratings.
   *
   * @throws IllegalArgumentException naming the first criterion without a rating from 1 to 5
   */
  public BigDecimal total(Map<String, Integer> ratings) {
    long weighted = 0;
    long weights = 0;
    for (Criterion criterion : criteria) {
      Integer rating = ratings.get(criterion.code());
      if (rating == null || rating < LOWEST || rating > HIGHEST) {
        throw new IllegalArgumentException(criterion.code());
      }
      weighted += (long) criterion.weight() * rating;
      weights += criterion.weight();
    }
    return BigDecimal.valueOf(weighted * 100L)
        .divide(BigDecimal.valueOf(weights * HIGHEST), 2, RoundingMode.HALF_UP);
  }
}
