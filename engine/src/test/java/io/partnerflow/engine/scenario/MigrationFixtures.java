package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * The models and steps the migration tests share: a task that waits (with or without a boundary
 * timer, inside a sub-process or not), a migration with mapping pairs, the open task of an
 * instance, the instance a call activity started, and the problem a refused call returns.
 */
final class MigrationFixtures {

  private MigrationFixtures() {}

  /** start → user task {@code task} → end. */
  static BpmnModelInstance waitingAt(String processId, String task) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .userTask(task, t -> t.zeebeUserTask())
        .endEvent()
        .done();
  }

  /**
   * start → user task {@code task} → end, with an interrupting boundary timer {@code timer} that
   * leads to a service task {@code <timer>Handled} of job type {@code job}, or straight to an end
   * event when {@code job} is null.
   */
  static BpmnModelInstance taskWithTimer(
      String processId, String task, String timer, String duration, String job) {
    AbstractFlowNodeBuilder<?, ?> onTimer =
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .userTask(task, t -> t.zeebeUserTask())
            .boundaryEvent(timer)
            .timerWithDuration(duration);
    if (job != null) {
      onTimer = onTimer.serviceTask(timer + "Handled", t -> t.zeebeJobType(job));
    }
    return onTimer.endEvent().moveToActivity(task).endEvent().done();
  }

  /** start → sub-process {@code subProcess} (start → user task {@code task} → end) → end. */
  static BpmnModelInstance taskInSubProcess(String processId, String subProcess, String task) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .subProcess(
            subProcess,
            s ->
                s.embeddedSubProcess()
                    .startEvent()
                    .userTask(task, t -> t.zeebeUserTask())
                    .endEvent())
        .endEvent()
        .done();
  }

  /** Migrates with mapping instructions given as source, target, source, target, ... */
  static void migrate(
      CamundaClient client, long instanceKey, long target, String... sourceTargetPairs) {
    var step = client.newMigrateProcessInstanceCommand(instanceKey).migrationPlan(target);
    var last = step.addMappingInstruction(sourceTargetPairs[0], sourceTargetPairs[1]);
    for (int i = 2; i < sourceTargetPairs.length; i += 2) {
      last = last.addMappingInstruction(sourceTargetPairs[i], sourceTargetPairs[i + 1]);
    }
    last.send().join();
  }

  /** The instance's one open user task. */
  static UserTask openTask(CamundaClient client, long instanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .singleItem();
  }

  /** The key of the one instance the parent's call activity started, once it exists. */
  static long calledInstance(CamundaClient client, long parentKey) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.parentProcessInstanceKey(parentKey))
                    .send()
                    .join()
                    .items(),
            items -> items.size() == 1)
        .get(0)
        .getProcessInstanceKey();
  }

  /** The call is refused with that status and a detail naming all the parts. */
  static void assertProblem(Runnable call, int status, String... detailParts) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(status);
              assertThat(e.details().getDetail()).contains(detailParts);
            });
  }
}
