package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusinessRuleTaskTest extends EngineScenarioTest {

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String processId = unique("decide");
  private final String type = unique("after-decision");

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

  private Incident activeIncidentOf(long processInstanceKey) {
    awaitIncident(processInstanceKey);
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send()
        .join()
        .singleItem();
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
    List<Variable> terms =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(job.getProcessInstanceKey()).name("terms"))
            .send()
            .join()
            .items();
    assertThat(terms)
        .extracting(Variable::getScopeKey)
        .containsExactly(job.getProcessInstanceKey());
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
    Incident incident = activeIncidentOf(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);
    assertThat(incident.getErrorMessage()).contains("missing-" + id);
    assertThat(incident.getElementId()).isEqualTo("missing");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldEvaluateAgainWhenTheIncidentIsResolvedAfterDeployingTheDecision() {
    // given: an instance stuck at a decision that is not deployed yet
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "terms", t -> t.zeebeCalledDecisionId("terms-" + id).zeebeResultVariable("terms"))
            .serviceTask("next", s -> s.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partner", Map.of("revenue", 5000))).getProcessInstanceKey();
    Incident incident = activeIncidentOf(key);

    // when
    deployDmn("partner-terms");
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsEntry("terms", Map.of("tier", "gold", "discount", 0.15));
    assertThat(instance(key).getHasIncident()).isFalse();
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
    Incident incident = activeIncidentOf(failing);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.DECISION_EVALUATION_ERROR);
    assertThat(incident.getErrorMessage()).contains("ambiguous-" + id).contains("UNIQUE");
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
    assertThat(activeIncidentOf(key).getErrorType())
        .isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
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
