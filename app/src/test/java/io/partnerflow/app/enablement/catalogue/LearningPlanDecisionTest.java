package io.partnerflow.app.enablement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules of bpmn/learning-plan.dmn, evaluated by the engine through the client; between them the
 * cases hit every row of the table.
 */
@PartnerflowTest
class LearningPlanDecisionTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired ObjectMapper json;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
  }

  @ParameterizedTest(name = "{0}, {1}, {2} -> courses {3}, certifications {4}, before active {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // type    | tier       | role         | courses                                       |
        // certifications                    | before active
        "RESELLER    | REGISTERED | SALES        | sales-fundamentals;deal-registration          | ''                                | false",
        "RESELLER    | GOLD       | SALES        | sales-fundamentals;deal-registration          | certified-sales-professional      | false",
        "RESELLER    | SILVER     | TECHNICAL    | solution-architecture;technical-implementation | ''                               | false",
        "RESELLER    | PLATINUM   | TECHNICAL    | solution-architecture;technical-implementation | certified-implementation-engineer | false",
        "RESELLER    | GOLD       | SIGNATORY    | ''                                            | ''                                | false",
        "DISTRIBUTOR | REGISTERED | MAIN_CONTACT | sales-fundamentals;deal-registration          | ''                                | true",
        "DISTRIBUTOR | PLATINUM   | SALES        | sales-fundamentals;deal-registration          | certified-sales-professional      | true",
        "DISTRIBUTOR | GOLD       | TECHNICAL    | solution-architecture;technical-implementation | certified-implementation-engineer | true",
        "DISTRIBUTOR | SILVER     | SIGNATORY    | ''                                            | ''                                | true",
        "TECHNOLOGY  | SILVER     | TECHNICAL    | solution-architecture;technical-implementation | certified-implementation-engineer | false",
        "TECHNOLOGY  | REGISTERED | TECHNICAL    | solution-architecture;technical-implementation | ''                               | false",
        "TECHNOLOGY  | GOLD       | SALES        | sales-fundamentals                            | ''                                | false",
        "REFERRAL    | GOLD       | SALES        | sales-fundamentals;deal-registration          | ''                                | false",
        "REFERRAL    | PLATINUM   | TECHNICAL    | ''                                            | ''                                | false",
        "MARKETPLACE | GOLD       | MAIN_CONTACT | sales-fundamentals;deal-registration          | ''                                | false",
        "MARKETPLACE | PLATINUM   | SALES        | sales-fundamentals;deal-registration          | ''                                | false",
        "MARKETPLACE | SILVER     | TECHNICAL    | solution-architecture;technical-implementation | ''                               | false",
      })
  void shouldPlanCoursesAndCertificationsPerTypeTierAndRole(
      String type,
      String tier,
      String role,
      String expectedCourses,
      String expectedCertifications,
      boolean expectedBeforeActive)
      throws Exception {
    // when
    var result =
        client
            .newEvaluateDecisionCommand()
            .decisionId("learning-plan")
            .variables(Map.of("partnerType", type, "tier", tier, "portalRole", role))
            .send()
            .join();

    // then
    Map<?, ?> plan = json.readValue(result.getDecisionOutput(), Map.class);
    assertThat(plan.get("courses")).isEqualTo(codes(expectedCourses));
    assertThat(plan.get("certifications")).isEqualTo(codes(expectedCertifications));
    assertThat(plan.get("requiredBeforeActive")).isEqualTo(expectedBeforeActive);
  }

  private static List<String> codes(String list) {
    return list.isBlank() ? List.of() : Arrays.stream(list.split(";")).map(String::strip).toList();
  }
}
