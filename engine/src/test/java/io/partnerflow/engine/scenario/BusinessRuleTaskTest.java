package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class BusinessRuleTaskTest extends EngineScenarioTest {

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String processId = unique("decide");
  private final String type = unique("after-decision");

  @Autowired private JdbcClient jdbc;

  private void deployDmn(String name) {
    client
        .newDeployResourceCommand()
        .addResourceString(DmnFixtures.dmn(name, id), StandardCharsets.UTF_8, name + ".dmn")
        .send()
        .join();
  }

  /** Starts an instance and returns the one job waiting after the business rule task. */
  private ActivatedJob jobAfterDecision(Map<String, Object> variables) {
    start(processId, variables);
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private String incidentType(long processInstanceKey) {
    return jdbc.sql(
            "SELECT error_type FROM engine.incident WHERE process_instance_key = ?"
                + " AND state = 'ACTIVE'")
        .param(processInstanceKey)
        .query(String.class)
        .single();
  }

  private String incidentMessage(long processInstanceKey) {
    return jdbc.sql("SELECT error_message FROM engine.incident WHERE process_instance_key = ?")
        .param(processInstanceKey)
        .query(String.class)
        .single();
  }

  @Test
  void shouldRouteByTheDecisionResultInAFollowingGateway() {
    // given
    deployDmn("partner-tier");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "decideTier",
                t -> t.zeebeCalledDecisionId("tier-" + id).zeebeResultVariable("tier"))
            .exclusiveGateway("byTier")
            .defaultFlow()
            .serviceTask("standardOnboarding", s -> s.zeebeJobType(type))
            .endEvent()
            .moveToNode("byTier")
            .conditionExpression("= tier = \"gold\"")
            .serviceTask("premiumOnboarding", s -> s.zeebeJobType(type))
            .endEvent()
            .done());

    // when
    ActivatedJob gold = jobAfterDecision(Map.of("score", 75, "referred", true));
    ActivatedJob bronze = jobAfterDecision(Map.of("score", 20, "referred", false));

    // then
    assertThat(gold.getElementId()).isEqualTo("premiumOnboarding");
    assertThat(gold.getVariablesAsMap()).containsEntry("tier", "gold");
    assertThat(bronze.getElementId()).isEqualTo("standardOnboarding");
    assertThat(bronze.getVariablesAsMap()).containsEntry("tier", "bronze");
  }

  @Test
  void shouldStoreACollectResultAsAList() {
    // given
    deployDmn("partner-tags");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "tag", t -> t.zeebeCalledDecisionId("tags-" + id).zeebeResultVariable("tags"))
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());

    // when
    ActivatedJob job = jobAfterDecision(Map.of("type", "technology", "revenue", 5_000_000));

    // then
    assertThat(job.getVariablesAsMap()).containsEntry("tags", List.of("strategic", "integration"));
  }

  @Test
  void shouldStoreTwoOutputsAsAnObjectAndApplyOutputMappings() {
    // given: the output mapping takes only the discount out of the task
    deployDmn("partner-terms");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "terms",
                t ->
                    t.zeebeCalledDecisionId("= \"terms-\" + suffix")
                        .zeebeResultVariable("terms")
                        .zeebeOutputExpression("terms.discount", "discount"))
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());

    // when
    ActivatedJob job = jobAfterDecision(Map.of("suffix", id, "partner", Map.of("revenue", 1000)));

    // then
    assertThat(job.getVariablesAsMap()).containsEntry("discount", 0.15).doesNotContainKey("terms");
  }

  @Test
  void shouldPropagateTheResultToTheProcessScopeWithoutOutputMappings() {
    // given
    deployDmn("partner-terms");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "terms", t -> t.zeebeCalledDecisionId("terms-" + id).zeebeResultVariable("terms"))
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());

    // when
    ActivatedJob job = jobAfterDecision(Map.of("partner", Map.of("revenue", 10)));

    // then
    assertThat(job.getVariablesAsMap())
        .containsEntry("terms", Map.of("tier", "standard", "discount", 0));
    long scope =
        jdbc.sql(
                "SELECT scope_key FROM engine.variable WHERE process_instance_key = ?"
                    + " AND name = 'terms'")
            .param(job.getProcessInstanceKey())
            .query(Long.class)
            .single();
    assertThat(scope).isEqualTo(job.getProcessInstanceKey());
  }

  @Test
  void shouldRaiseCalledDecisionIncidentWhenTheDecisionIsNotDeployed() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "missing",
                t -> t.zeebeCalledDecisionId("missing-" + id).zeebeResultVariable("result"))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(incidentType(key)).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incidentMessage(key)).contains("missing-" + id);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldRaiseDecisionEvaluationIncidentWhenTheEvaluationFails() {
    // given
    deployDmn("ambiguous");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "ambiguous",
                t -> t.zeebeCalledDecisionId("ambiguous-" + id).zeebeResultVariable("level"))
            .endEvent()
            .done());

    // when
    long failing = start(processId, Map.of("score", 70)).getProcessInstanceKey();
    long passing = start(processId, Map.of("score", 10)).getProcessInstanceKey();

    // then
    awaitIncident(failing);
    assertThat(incidentType(failing)).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incidentMessage(failing)).contains("ambiguous-" + id).contains("UNIQUE");
    awaitState(passing, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseExtractValueIncidentWhenTheDecisionIdExpressionFails() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "dynamic", t -> t.zeebeCalledDecisionId("= 42").zeebeResultVariable("result"))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(incidentType(key)).isEqualTo("EXTRACT_VALUE_ERROR");
  }

  @Test
  void shouldStillCreateAJobForABusinessRuleTaskWithTaskDefinition() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask("external", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();
    assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactly("external");
    client.newCompleteCommand(jobs.get(0)).variables(Map.of("score", 1)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRejectBindingTypesOtherThanLatest() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "pinned",
                t ->
                    t.zeebeCalledDecisionId("tier-" + id)
                        .zeebeResultVariable("tier")
                        .zeebeBindingType(ZeebeBindingType.deployment))
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.details().getDetail()).contains("pinned").contains("deployment"));
  }
}
