package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DecisionRequirements;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionDeploymentTest extends EngineScenarioTest {

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  private DeploymentEvent deployDmn(String xml, String resourceName) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, resourceName)
        .send()
        .join();
  }

  private static List<Decision> byId(DeploymentEvent event) {
    return event.getDecisions().stream()
        .sorted(Comparator.comparing(Decision::getDmnDecisionId))
        .toList();
  }

  @Test
  void shouldDeployEveryDecisionOfTheDrgAndVersionOnlyChangedContent() {
    // given
    String xml = DmnFixtures.dmn("partner-tier", id);

    // when
    DeploymentEvent first = deployDmn(xml, "partner-tier.dmn");
    DeploymentEvent identical = deployDmn(xml, "partner-tier.dmn");
    DeploymentEvent changed =
        deployDmn(xml.replace("then 10 else 0", "then 15 else 0"), "partner-tier.dmn");

    // then: the DRG and both of its decisions
    DecisionRequirements drg = first.getDecisionRequirements().get(0);
    assertThat(first.getDecisionRequirements()).hasSize(1);
    assertThat(drg.getDmnDecisionRequirementsId()).isEqualTo("tiers-" + id);
    assertThat(drg.getDmnDecisionRequirementsName()).isEqualTo("Partner tiers");
    assertThat(drg.getVersion()).isEqualTo(1);
    assertThat(drg.getResourceName()).isEqualTo("partner-tier.dmn");
    assertThat(byId(first))
        .extracting(Decision::getDmnDecisionId, Decision::getDmnDecisionName, Decision::getVersion)
        .containsExactly(
            tuple("bonus-" + id, "Referral bonus", 1), tuple("tier-" + id, "Partner tier", 1));
    assertThat(first.getDecisions())
        .allSatisfy(
            d -> {
              assertThat(d.getDecisionRequirementsKey())
                  .isEqualTo(drg.getDecisionRequirementsKey());
              assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("tiers-" + id);
              assertThat(d.getTenantId()).isEqualTo("<default>");
            });

    // identical content: the same versions and keys
    assertThat(identical.getDecisionRequirements().get(0).getDecisionRequirementsKey())
        .isEqualTo(drg.getDecisionRequirementsKey());
    assertThat(byId(identical))
        .extracting(Decision::getDecisionKey)
        .containsExactlyElementsOf(byId(first).stream().map(Decision::getDecisionKey).toList());

    // changed content: a new version of the DRG and of each decision
    assertThat(changed.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
    assertThat(byId(changed)).extracting(Decision::getVersion).containsExactly(2, 2);
    assertThat(byId(changed).get(0).getDecisionKey())
        .isNotEqualTo(byId(first).get(0).getDecisionKey());
  }

  @Test
  void shouldDeployDecisionsTogetherWithProcesses() {
    // given
    String processId = "with-decision-" + id;
    var process =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "decide", t -> t.zeebeCalledDecisionId("terms-" + id).zeebeResultVariable("terms"))
            .endEvent()
            .done();

    // when
    DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addProcessModel(process, "with-decision.bpmn")
            .addResourceString(
                DmnFixtures.dmn("partner-terms", id), StandardCharsets.UTF_8, "terms.dmn")
            .send()
            .join();

    // then
    assertThat(event.getProcesses())
        .extracting(p -> p.getBpmnProcessId())
        .containsExactly(processId);
    assertThat(event.getDecisions())
        .extracting(Decision::getDmnDecisionId)
        .containsExactly("terms-" + id);
    assertThat(event.getDecisionRequirements())
        .extracting(DecisionRequirements::getDmnDecisionRequirementsId)
        .containsExactly("terms-drg-" + id);
  }

  @Test
  void shouldRejectDmnWithInvalidFeelNamingTheExpression() {
    // given
    String xml = DmnFixtures.dmn("invalid-feel", id);

    // when / then
    assertThatThrownBy(() -> deployDmn(xml, "broken.dmn"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("'broken.dmn'").contains("\"high\" +*");
            });
    assertThat(
            client
                .newDecisionDefinitionSearchRequest()
                .filter(f -> f.decisionDefinitionId("broken-" + id))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void shouldRejectMalformedDmnXml() {
    // given: the decision element is not closed
    String xml = DmnFixtures.dmn("partner-terms", id).replace("</decision>", "");

    // when / then
    assertThatThrownBy(() -> deployDmn(xml, "terms.dmn"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("'terms.dmn'").contains("decision");
            });
  }

  @Test
  void shouldRejectADecisionIdThatBelongsToAnotherDrg() {
    // given
    String xml = DmnFixtures.dmn("partner-terms", id);
    deployDmn(xml, "terms.dmn");

    // when: another DRG claims the same decision id
    String other = xml.replace("id=\"terms-drg-" + id + "\"", "id=\"other-drg-" + id + "\"");

    // then
    assertThatThrownBy(() -> deployDmn(other, "other.dmn"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains("terms-" + id)
                  .contains("terms-drg-" + id);
            });
  }
}
