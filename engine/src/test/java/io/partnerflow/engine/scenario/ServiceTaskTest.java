package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ServiceTaskTest extends EngineScenarioTest {

  @Test
  void shouldCompleteThreeServiceTasksWithJobWorkers() {
    // given
    String processId = unique("three-tasks");
    String type = unique("step");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("first", t -> t.zeebeJobType(type + "-1"))
            .serviceTask("second", t -> t.zeebeJobType(type + "-2"))
            .serviceTask("third", t -> t.zeebeJobType(type + "-3"))
            .endEvent()
            .done();
    deploy(model);
    List<String> handled = new CopyOnWriteArrayList<>();
    List<JobWorker> workers =
        List.of(1, 2, 3).stream()
            .map(
                i ->
                    client
                        .newWorker()
                        .jobType(type + "-" + i)
                        .handler(
                            (jobClient, job) -> {
                              handled.add(job.getElementId());
                              jobClient
                                  .newCompleteCommand(job)
                                  .variables(Map.of("step" + i, true))
                                  .send()
                                  .join();
                            })
                        .open())
            .toList();
    try {
      // when
      long key = start(processId, Map.of("order", 42)).getProcessInstanceKey();

      // then
      awaitState(key, ProcessInstanceState.COMPLETED);
      assertThat(handled).containsExactly("first", "second", "third");
    } finally {
      workers.forEach(JobWorker::close);
    }
  }

  @Test
  void shouldHandJobsTheirHeadersAndVisibleVariables() {
    // given
    String processId = unique("headers");
    String type = unique("with-headers");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t -> t.zeebeJobType(type).zeebeJobRetries("5").zeebeTaskHeader("channel", "email"))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partnerId", "p-1", "score", 7)).getProcessInstanceKey();

    // when
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();

    // then
    assertThat(jobs).hasSize(1);
    ActivatedJob job = jobs.get(0);
    assertThat(job.getCustomHeaders()).containsEntry("channel", "email");
    assertThat(job.getVariablesAsMap()).containsEntry("partnerId", "p-1").containsEntry("score", 7);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getBpmnProcessId()).isEqualTo(processId);
    assertThat(job.getElementId()).isEqualTo("task");
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldHandEachOfSeveralJobsActivatedTogetherItsOwnVariables() {
    // given: two instances with different variables, the task's input mapping shadowing one
    String processId = unique("batch-variables");
    String type = unique("batch-variables");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(type).zeebeInputExpression("=score * 10", "score"))
            .endEvent()
            .done());
    long first = start(processId, Map.of("partnerId", "p-1", "score", 1)).getProcessInstanceKey();
    long second = start(processId, Map.of("partnerId", "p-2", "score", 2)).getProcessInstanceKey();

    // when: one activation hands out both jobs
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();

    // then
    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(first, second);
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("partnerId", "p-1", "score", 10));
    assertThat(jobs.get(1).getVariablesAsMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("partnerId", "p-2", "score", 20));
    jobs.forEach(job -> client.newCompleteCommand(job).send().join());
    awaitState(first, ProcessInstanceState.COMPLETED);
    awaitState(second, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldHandOnlyTheFetchedVariables() {
    // given
    String processId = unique("fetch-variables");
    String type = unique("fetch-variables");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partnerId", "p-1", "score", 7)).getProcessInstanceKey();

    // when
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(5)
            .fetchVariables("score")
            .send()
            .join()
            .getJobs();

    // then
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getVariablesAsMap()).containsExactlyEntriesOf(Map.of("score", 7));
    client.newCompleteCommand(jobs.get(0)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunSendAndScriptTasksAsJobs() {
    // given
    String processId = unique("send-script");
    String type = unique("send-script");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .sendTask("send", t -> t.zeebeJobType(type))
            .scriptTask("script", t -> t.zeebeJobType(type))
            .intermediateThrowEvent("milestone")
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    for (String expected : List.of("send", "script")) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(5)
              .send()
              .join()
              .getJobs();
      assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactly(expected);
      client.newCompleteCommand(jobs.get(0)).send().join();
    }

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
  }
}
