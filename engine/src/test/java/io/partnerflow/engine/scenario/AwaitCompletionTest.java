package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** POST /v2/process-instances with awaitCompletion (the client's {@code withResult()}). */
class AwaitCompletionTest extends EngineScenarioTest {

  private final String processId = unique("await");
  private final String type = unique("await-task");

  private void deployWithTask() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
  }

  @Test
  void shouldAnswerWithTheVariablesOnceTheInstanceCompleted() {
    // given: a worker that answers after a moment
    deployWithTask();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (jobClient, job) -> {
                  Thread.sleep(300);
                  jobClient
                      .newCompleteCommand(job)
                      .variables(Map.of("decision", "approved"))
                      .send()
                      .join();
                })
            .open()) {

      // when
      ProcessInstanceResult result =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(Map.of("partner", "Acme"))
              .withResult()
              .requestTimeout(Duration.ofSeconds(10))
              .send()
              .join();

      // then
      assertThat(result.getBpmnProcessId()).isEqualTo(processId);
      assertThat(result.getVariablesAsMap())
          .containsEntry("partner", "Acme")
          .containsEntry("decision", "approved");
      assertThat(instance(result.getProcessInstanceKey()).getState().name()).isEqualTo("COMPLETED");
    }
  }

  @Test
  void shouldReturnOnlyTheFetchedVariablesOfAnInstanceThatCompletesAtOnce() {
    // given
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());

    // when
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("a", 1, "b", 2))
            .withResult()
            .fetchVariables("a")
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsOnly(Map.entry("a", 1));
  }

  @Test
  void shouldAnswer504WhenTheInstanceDoesNotCompleteInTime() {
    // given: nobody works on the task
    deployWithTask();

    // when
    Throwable failure = null;
    try {
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .withResult()
          .requestTimeout(Duration.ofMillis(700))
          .send()
          .join();
    } catch (ProblemException | CompletionException e) {
      failure = e;
    }

    // then
    assertThat(failure).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) failure;
    assertThat(problem.code()).isEqualTo(504);
    assertThat(problem.details().getTitle()).isEqualTo("DEADLINE_EXCEEDED");
    // the instance itself exists and still waits
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .singleItem()
                .getState()
                .name())
        .isEqualTo("ACTIVE");
  }
}
