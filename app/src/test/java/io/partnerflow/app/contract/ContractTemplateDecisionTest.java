package io.partnerflow.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of bpmn/contract-template.dmn, evaluated by the engine through the client. */
@PartnerflowTest
class ContractTemplateDecisionTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
  }

  @ParameterizedTest(name = "{0}, {1}, {2} -> {3}, countersigned by legal: {4}, {5} months")
  @CsvSource(
      delimiter = '|',
      value = {
        // type    | tier       | country | template             | legal | term
        "RESELLER    | REGISTERED | DE | resale-agreement     | false | 12",
        "RESELLER    | SILVER     | FR | resale-agreement     | false | 24",
        "RESELLER    | GOLD       | DE | resale-agreement     | true  | 24",
        "RESELLER    | PLATINUM   | US | resale-agreement     | true  | 36",
        "MARKETPLACE | REGISTERED | NL | resale-agreement     | false | 12",
        "MARKETPLACE | SILVER     | NL | resale-agreement     | false | 24",
        "MARKETPLACE | GOLD       | GB | resale-agreement     | true  | 24",
        "DISTRIBUTOR | REGISTERED | DE | resale-agreement     | true  | 24",
        "DISTRIBUTOR | SILVER     | IT | resale-agreement     | true  | 24",
        "DISTRIBUTOR | PLATINUM   | IT | resale-agreement     | true  | 36",
        "RESELLER    | REGISTERED | CN | resale-agreement-cn  | false | 12",
        "RESELLER    | SILVER     | CN | resale-agreement-cn  | false | 12",
        "RESELLER    | GOLD       | CN | resale-agreement-cn  | true  | 36",
        "MARKETPLACE | PLATINUM   | CN | resale-agreement-cn  | true  | 36",
        "MARKETPLACE | REGISTERED | CN | resale-agreement-cn  | false | 12",
        "DISTRIBUTOR | REGISTERED | CN | resale-agreement-cn  | true  | 24",
        "DISTRIBUTOR | GOLD       | CN | resale-agreement-cn  | true  | 36",
        "REFERRAL    | REGISTERED | DE | referral-agreement   | false | 12",
        "REFERRAL    | SILVER     | CN | referral-agreement   | false | 12",
        "REFERRAL    | GOLD       | US | referral-agreement   | true  | 24",
        "REFERRAL    | PLATINUM   | DE | referral-agreement   | true  | 24",
        "TECHNOLOGY  | REGISTERED | DE | technology-agreement | true  | 24",
        "TECHNOLOGY  | SILVER     | CN | technology-agreement | true  | 24",
        "TECHNOLOGY  | GOLD       | US | technology-agreement | true  | 36",
        "TECHNOLOGY  | PLATINUM   | JP | technology-agreement | true  | 36",
      })
  void shouldChooseTheTemplateCountersignatureAndTerm(
      String type,
      String tier,
      String country,
      String expectedTemplate,
      boolean expectedLegal,
      int expectedTerm)
      throws Exception {
    // when
    var result =
        client
            .newEvaluateDecisionCommand()
            .decisionId("contract-template")
            .variables(Map.of("partnerType", type, "tier", tier, "country", country))
            .send()
            .join();

    // then
    Map<?, ?> output = json.readValue(result.getDecisionOutput(), Map.class);
    assertThat(output.get("templateId")).isEqualTo(expectedTemplate);
    assertThat(output.get("countersignatureRequired")).isEqualTo(expectedLegal);
    assertThat(((Number) output.get("termMonths")).intValue()).isEqualTo(expectedTerm);
    assertThat(((Number) output.get("termMonths")).intValue()).isBetween(12, 36);
  }
}
