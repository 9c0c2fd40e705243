package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParallelGatewayTest extends EngineScenarioTest {

  @Test
  void shouldForkAndJoinBeforeContinuing() {
    // given
    String processId = unique("fork-join");
    String branchType = unique("branch");
    String afterType = unique("after-join");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("contract", t -> t.zeebeJobType(branchType))
            .parallelGateway("join")
            .serviceTask("welcome", t -> t.zeebeJobType(afterType))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("training", t -> t.zeebeJobType(branchType))
            .connectTo("join")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: both branches are active at once
    List<ActivatedJob> branches =
        client
            .newActivateJobsCommand()
            .jobType(branchType)
            .maxJobsToActivate(5)
            .send()
            .join()
            .getJobs();
    assertThat(branches)
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("contract", "training");
    client.newCompleteCommand(branches.get(0)).variables(Map.of("first", 1)).send().join();

    // then: the join waits for the second branch
    assertThat(activateNow(afterType)).isEmpty();
    client.newCompleteCommand(branches.get(1)).variables(Map.of("second", 2)).send().join();
    List<ActivatedJob> after = activateNow(afterType);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).getVariablesAsMap())
        .containsEntry("first", 1)
        .containsEntry("second", 2);
    client.newCompleteCommand(after.get(0)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCompleteOnlyWhenTheLastBranchEnds() {
    // given: two branches with their own end events
    String processId = unique("two-ends");
    String type = unique("slow-branch");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .endEvent("fast")
            .moveToNode("fork")
            .serviceTask("slow", t -> t.zeebeJobType(type))
            .endEvent("slowEnd")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();
    client.newCompleteCommand(jobs.get(0)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldJoinOnceWhenBranchesCompleteConcurrently() {
    // given: ten branches whose jobs complete on different threads at once
    String processId = unique("wide-fork");
    String branchType = unique("wide-branch");
    String afterType = unique("wide-after");
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("b0", t -> t.zeebeJobType(branchType))
            .parallelGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent();
    for (int i = 1; i < 10; i++) {
      builder =
          builder
              .moveToNode("fork")
              .serviceTask("b" + i, t -> t.zeebeJobType(branchType))
              .connectTo("join");
    }
    deploy(builder.done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    List<ActivatedJob> branches =
        client
            .newActivateJobsCommand()
            .jobType(branchType)
            .maxJobsToActivate(20)
            .send()
            .join()
            .getJobs();
    assertThat(branches).hasSize(10);

    // when
    branches.parallelStream()
        .forEach(
            job ->
                client
                    .newCompleteCommand(job)
                    .variables(Map.of(job.getElementId(), true))
                    .send()
                    .join());

    // then: exactly one token passed the join
    List<ActivatedJob> after = activateNow(afterType);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).getVariablesAsMap()).containsKeys("b0", "b5", "b9");
    assertThat(activateNow(afterType)).isEmpty();
    client.newCompleteCommand(after.get(0)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  private List<ActivatedJob> activateNow(String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .requestTimeout(java.time.Duration.ofMillis(300))
        .send()
        .join()
        .getJobs();
  }
}
