package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error end events, error boundary events and errors thrown by job workers. */
class ErrorEventTest extends ScopeScenarioTest {

  private final String processId = unique("errors");
  private final String workType = unique("work");
  private final String handleType = unique("handle");
  private final String otherType = unique("other");
  private final String afterType = unique("after");

  private Incident activeIncident(long processInstanceKey) {
    awaitIncident(processInstanceKey);
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .singleItem();
  }

  private void throwError(ActivatedJob job, String code, String message, Map<String, Object> vars) {
    client
        .newThrowErrorCommand(job)
        .errorCode(code)
        .errorMessage(message)
        .variables(vars)
        .send()
        .join();
  }

  @Test
  void shouldCatchAnErrorEndEventWithABoundaryEventOnTheSubProcess() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent("subStart")
            .endEvent("fail", e -> e.error("REJECTED"))
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent("end")
            .moveToActivity("sub")
            .boundaryEvent("rejected", b -> b.error("REJECTED"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent("handled")
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    client.newCompleteCommand(awaitJob(handleType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .containsExactly(
            "start COMPLETED",
            "sub TERMINATED",
            "subStart COMPLETED",
            "fail TERMINATED",
            "rejected COMPLETED",
            "handle COMPLETED",
            "handled COMPLETED");
    assertNoJob(afterType);
  }

  @Test
  void shouldCatchAJobErrorOnTheTaskAndPropagateItsVariables() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent("done")
            .moveToActivity("work")
            .boundaryEvent("failed", b -> b.error("NOT_ELIGIBLE"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = awaitJob(workType);

    // when
    throwError(job, "NOT_ELIGIBLE", "score too low", Map.of("score", 12));

    // then
    ActivatedJob handle = awaitJob(handleType);
    assertThat(handle.getVariablesAsMap())
        .containsEntry("score", 12)
        .doesNotContainKey("errorCode");
    assertThat(variablesOf(key)).containsEntry("score", "12");
    assertThat(history(key)).contains("work TERMINATED", "failed COMPLETED");
    assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
        .isInstanceOf(ProblemException.class);
    client.newCompleteCommand(handle).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldOfferTheErrorCodeAndMessageToTheCatchEventsOutputMappings() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent(
                "failed",
                b ->
                    b.error("NOT_ELIGIBLE")
                        .zeebeOutputExpression("errorCode", "code")
                        .zeebeOutputExpression("errorMessage", "reason")
                        .zeebeOutputExpression("score", "lastScore"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    throwError(awaitJob(workType), "NOT_ELIGIBLE", "score too low", Map.of("score", 12));

    // then: only what the output mappings pick leaves the catch event
    ActivatedJob handle = awaitJob(handleType);
    assertThat(handle.getVariablesAsMap())
        .containsEntry("code", "NOT_ELIGIBLE")
        .containsEntry("reason", "score too low")
        .containsEntry("lastScore", 12)
        .doesNotContainKeys("score", "errorCode", "errorMessage");
    client.newCompleteCommand(handle).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldPreferTheCatchEventWithTheCodeOverTheCatchAll() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("anyError", b -> b.error())
            .serviceTask("other", t -> t.zeebeJobType(otherType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("specific", b -> b.error("TIMEOUT"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .done());

    // when: the code has its own catch event
    long first = start(processId, Map.of()).getProcessInstanceKey();
    throwError(awaitJob(workType), "TIMEOUT", "slow", Map.of());

    // then
    assertThat(awaitJob(handleType).getProcessInstanceKey()).isEqualTo(first);

    // when: any other code
    long second = start(processId, Map.of()).getProcessInstanceKey();
    throwError(awaitJob(workType), "SOMETHING_ELSE", "odd", Map.of());

    // then: the catch-all takes it
    assertThat(awaitJob(otherType).getProcessInstanceKey()).isEqualTo(second);
    assertThat(history(second)).contains("work TERMINATED", "anyError COMPLETED");
  }

  @Test
  void shouldCatchAtTheInnermostMatchingScope() {
    // given: the task catches A; the sub-process around it catches everything
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("taskCatch", b -> b.error("A"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("subCatch", b -> b.error())
            .serviceTask("other", t -> t.zeebeJobType(otherType))
            .endEvent()
            .done());

    // when: A is thrown
    long inner = start(processId, Map.of()).getProcessInstanceKey();
    throwError(awaitJob(workType), "A", "a", Map.of());

    // then: the task's boundary catches it, the sub-process carries on and completes
    client.newCompleteCommand(awaitJob(handleType)).send().join();
    assertThat(awaitJob(afterType).getProcessInstanceKey()).isEqualTo(inner);
    assertThat(history(inner)).contains("taskCatch COMPLETED", "sub COMPLETED");

    // when: B is thrown, which the task does not catch
    long outer = start(processId, Map.of()).getProcessInstanceKey();
    throwError(awaitJob(workType), "B", "b", Map.of());

    // then: the sub-process's catch-all does; the sub-process and its content are terminated
    assertThat(awaitJob(otherType).getProcessInstanceKey()).isEqualTo(outer);
    assertThat(history(outer)).contains("sub TERMINATED", "work TERMINATED", "subCatch COMPLETED");
    assertNoJob(handleType);
  }

  @Test
  void shouldThrowTheCodeOfAFeelExpression() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .endEvent("fail", e -> e.error("=reason"))
            .subProcessDone()
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("missing", b -> b.error("MISSING"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("invalid", b -> b.error("INVALID"))
            .serviceTask("other", t -> t.zeebeJobType(otherType))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of("reason", "INVALID")).getProcessInstanceKey();

    // then
    assertThat(awaitJob(otherType).getProcessInstanceKey()).isEqualTo(key);
    assertThat(history(key)).contains("invalid COMPLETED").doesNotContain("missing COMPLETED");
  }

  @Test
  void shouldRaiseAnIncidentForAnUncaughtJobError() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("other", b -> b.error("OTHER"))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    throwError(awaitJob(workType), "UNKNOWN", "boom", Map.of());

    // then
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getErrorMessage())
        .isEqualTo(
            "Expected to throw an error event with the code 'UNKNOWN' with message 'boom', but it"
                + " was not caught. Available error events are [other]");
    assertThat(history(key)).contains("work ACTIVE");
  }

  @Test
  void shouldRaiseAnIncidentForAnUncaughtErrorEndEvent() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .endEvent("fail", e -> e.error("NOBODY_CATCHES"))
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getElementId()).isEqualTo("fail");
    assertThat(incident.getErrorMessage())
        .isEqualTo(
            "Expected to throw an error event with the code 'NOBODY_CATCHES', but it was not"
                + " caught. No error events are available in the scope.");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldRejectACatchEventWithAnErrorCodeExpression() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("dynamic", b -> b.error("=code"))
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("not allowed to be an expression");
            });
  }
}
