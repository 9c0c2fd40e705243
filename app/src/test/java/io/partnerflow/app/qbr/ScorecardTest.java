package io.partnerflow.app.qbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighted total: sum(weight x rating) / (5 x sum(weights)) x 100, two decimals. */
class ScorecardTest {

  private final Scorecard scorecard =
      new Scorecard(
          List.of(
              new Criterion("new-customers", 30),
              new Criterion("revenue", 30),
              new Criterion("certified-people", 20),
              new Criterion("engagement", 20)));

  @Test
  void shouldWeighEachRating() {
    // (4*30 + 3*30 + 5*20 + 2*20) / 500 = 350 / 500
    assertThat(
            scorecard.total(
                Map.of("new-customers", 4, "revenue", 3, "certified-people", 5, "engagement", 2)))
        .isEqualByComparingTo("70.00");
  }

  @Test
  void shouldGiveAHundredForTopRatingsAndTwentyForTheLowest() {
    assertThat(
            scorecard.total(
                Map.of("new-customers", 5, "revenue", 5, "certified-people", 5, "engagement", 5)))
        .isEqualByComparingTo("100.00");
    assertThat(
            scorecard.total(
                Map.of("new-customers", 1, "revenue", 1, "certified-people", 1, "engagement", 1)))
        .isEqualByComparingTo("20.00");
  }

  @Test
  void shouldRoundToTwoDecimals() {
    Scorecard thirds = new Scorecard(List.of(new Criterion("a", 1), new Criterion("b", 2)));
    // (1*1 + 2*2) / 15 * 100 = 33.333...
    assertThat(thirds.total(Map.of("a", 1, "b", 2))).isEqualByComparingTo("33.33");
  }

  @Test
  void shouldNameTheCriterionWithoutAValidRating() {
    assertThatThrownBy(
            () ->
                scorecard.total(
                    Map.of(
                        "new-customers", 4, "revenue", 6, "certified-people", 5, "engagement", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue");
    assertThatThrownBy(() -> scorecard.total(Map.of("new-customers", 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue");
  }

  @Test
  void shouldRefuseATableWithoutWeights() {
    assertThatThrownBy(() -> new Scorecard(List.of(new Criterion("a", 0))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldReadTheRowsOfTheDecisionResult() {
    assertThat(
            ScorecardTable.criteria(
                List.of(
                    Map.of("criterion", "revenue", "weight", 30),
                    Map.of("criterion", "engagement", "weight", 20.0))))
        .containsExactly(new Criterion("revenue", 30), new Criterion("engagement", 20));
    assertThat(ScorecardTable.criteria(null)).isEmpty();
  }
}
