package io.partnerflow.app.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of bpmn/partner-fit.dmn, evaluated by the engine through the client. */
@PartnerflowTest
class PartnerFitDecisionTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
  }

  @ParameterizedTest(
      name = "{0}, {1} staff, {2} years, {3} customers, {4} certified, {5} -> {6} {7}")
  @CsvSource(
      delimiter = '|',
      value = {
        // type | employees | years | customers | certified | industries | score | tier
        "reseller    | 120 | 10 | 40 | 8 | software;retail | 100 | Platinum",
        "distributor | 60  | 5  | 20 | 5 | software        | 95  | Platinum",
        "reseller    | 40  | 6  | 12 | 3 | software;retail | 70  | Gold",
        "technology  | 10  | 2  | 5  | 1 | -               | 53  | Silver",
        "referral    | 12  | 3  | 6  | 0 | healthcare      | 43  | Silver",
        "marketplace | 3   | 1  | 2  | 0 | -               | 10  | Registered",
        "referral    | 1   | 0  | 0  | 0 | -               | 5   | Registered",
      })
  void shouldScoreTheApplicationAndSuggestATier(
      String type,
      int employees,
      int years,
      int customers,
      int certified,
      String industries,
      int expectedScore,
      String expectedTier)
      throws Exception {
    // given
    Map<String, Object> application = new HashMap<>();
    application.put("partnerType", type);
    application.put("employees", employees);
    application.put("yearsInBusiness", years);
    application.put("customersInSegment", customers);
    application.put("certifiedStaff", certified);
    application.put(
        "targetIndustries",
        "-".equals(industries) ? List.of() : Arrays.asList(industries.split(";")));

    // when
    var result =
        client
            .newEvaluateDecisionCommand()
            .decisionId("partner-fit")
            .variables(application)
            .send()
            .join();

    // then
    Map<?, ?> output = json.readValue(result.getDecisionOutput(), Map.class);
    assertThat(((Number) output.get("fitScore")).intValue()).isEqualTo(expectedScore);
    assertThat(output.get("suggestedTier")).isEqualTo(expectedTier);
  }
}
