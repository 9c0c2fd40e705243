package io.partnerflow.app.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rows of bpmn/tier-requirements.dmn, evaluated by the engine through the client, and the tier
 * they make a partner qualify for.
 */
@PartnerflowTest
class TierRequirementsDecisionTest {

  static final String SALES = "certified-sales-professional";
  static final String ENGINEER = "certified-implementation-engineer";

  @Autowired TierRequirementsTable table;
  @Autowired ModelDeploymentService deployments;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
  }

  @ParameterizedTest(name = "{0} needs {1} {2}: {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // tier  | requirement   | certification                     | required
        "SILVER   | contract      | -                                 | 1",
        "SILVER   | certification | certified-sales-professional      | 1",
        "GOLD     | contract      | -                                 | 1",
        "GOLD     | certification | certified-sales-professional      | 2",
        "GOLD     | certification | certified-implementation-engineer | 1",
        "PLATINUM | contract      | -                                 | 1",
        "PLATINUM | certification | certified-sales-professional      | 3",
        "PLATINUM | certification | certified-implementation-engineer | 2",
      })
  void shouldRequireThisOfTheTier(
      PartnerTier tier, String requirement, String certification, long required) {
    // when
    List<TierRequirement> rows = table.evaluate(new PartnerFacts(false, Map.of(), null));

    // then: the row exists once, and the tier has no other row of the same kind
    assertThat(rows)
        .filteredOn(
            row ->
                row.tier() == tier
                    && row.requirement().equals(requirement)
                    && java.util.Objects.equals(row.certification(), certification))
        .containsExactly(new TierRequirement(tier, requirement, certification, required));
  }

  @Test
  void shouldHaveEightRowsAndNoneForRegisteredWhateverTheDealRevenue() {
    // when
    List<TierRequirement> withoutRevenue = table.evaluate(new PartnerFacts(true, Map.of(), null));
    List<TierRequirement> withRevenue =
        table.evaluate(new PartnerFacts(true, Map.of(), 5_000_000L));

    // then: dealRevenue is an input no row uses yet
    assertThat(withoutRevenue).hasSize(8).noneMatch(row -> row.tier() == PartnerTier.REGISTERED);
    assertThat(withRevenue).isEqualTo(withoutRevenue);
  }

  @ParameterizedTest(name = "contract {0}, {1} sales, {2} engineers -> {3}")
  @CsvSource({
    "false, 5, 5, REGISTERED",
    "true,  0, 0, REGISTERED",
    "true,  1, 0, SILVER",
    "true,  2, 0, SILVER",
    "true,  2, 1, GOLD",
    "true,  3, 1, GOLD",
    "true,  2, 2, GOLD",
    "true,  3, 2, PLATINUM",
    "true,  9, 9, PLATINUM",
  })
  void shouldQualifyForTheHighestTierWhoseRowsAreAllMet(
      boolean contract, int sales, int engineers, PartnerTier expected) {
    // given
    PartnerFacts facts =
        new PartnerFacts(contract, Map.of(SALES, sales, ENGINEER, engineers), null);

    // when
    List<TierStanding> standings = TierRules.standings(table.evaluate(facts), facts);

    // then
    assertThat(TierRules.highestMet(standings)).isEqualTo(expected);
  }
}
