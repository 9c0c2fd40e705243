package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableMappingTest extends EngineScenarioTest {

  private final String type = unique("mapping");

  private ActivatedJob next() {
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  @Test
  void shouldApplyInputMappingsAsLocalVariables() {
    // given
    String processId = unique("inputs");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "enrich",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("partner.name", "partnerName")
                        .zeebeInputExpression("score * 2", "doubled")
                        .zeebeInputExpression("doubled + 1", "plusOne")
                        .zeebeInput("=\"static\"", "customer.kind"))
            .serviceTask("check", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    start(processId, Map.of("partner", Map.of("name", "Acme"), "score", 21));

    // when
    ActivatedJob enrich = next();

    // then: locals are visible to the job ...
    assertThat(enrich.getVariablesAsMap())
        .containsEntry("partnerName", "Acme")
        .containsEntry("doubled", 42)
        .containsEntry("plusOne", 43)
        .containsEntry("customer", Map.of("kind", "static"));
    client.newCompleteCommand(enrich).send().join();

    // ... but not to the next element
    ActivatedJob check = next();
    assertThat(check.getVariablesAsMap()).doesNotContainKeys("partnerName", "doubled", "customer");
    client.newCompleteCommand(check).send().join();
  }

  @Test
  void shouldPropagateJobVariablesWithoutOutputMappings() {
    // given
    String processId = unique("propagation");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("produce", t -> t.zeebeJobType(type))
            .serviceTask("consume", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("status", "new")).getProcessInstanceKey();

    // when
    client
        .newCompleteCommand(next())
        .variables(Map.of("status", "checked", "result", List.of(1, 2)))
        .send()
        .join();

    // then
    ActivatedJob consume = next();
    assertThat(consume.getVariablesAsMap())
        .containsEntry("status", "checked")
        .containsEntry("result", List.of(1, 2));
    client.newCompleteCommand(consume).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldLetOnlyOutputMappingsLeaveATaskThatHasThem() {
    // given
    String processId = unique("outputs");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "score",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutputExpression("raw * 10", "score")
                        .zeebeOutputExpression("raw > 5", "decision.accepted"))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    start(processId, Map.of("decision", Map.of("by", "system")));

    // when
    client.newCompleteCommand(next()).variables(Map.of("raw", 7)).send().join();

    // then
    ActivatedJob after = next();
    assertThat(after.getVariablesAsMap())
        .containsEntry("score", 70)
        .containsEntry("decision", Map.of("by", "system", "accepted", true))
        .doesNotContainKey("raw");
    client.newCompleteCommand(after).send().join();
  }

  @Test
  void shouldRaiseIncidentWhenAnInputMappingFails() {
    // given
    String processId = unique("bad-input");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("assert(partnerId, partnerId != null)", "id"))
            .endEvent()
            .done());

    // when: FEEL's assert fails without partnerId
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .requestTimeout(java.time.Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }
}
