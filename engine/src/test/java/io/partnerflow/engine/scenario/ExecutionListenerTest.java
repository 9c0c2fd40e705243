package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners (zeebe:executionListeners) as Camunda 8 runs them: jobs of kind
 * EXECUTION_LISTENER, start listeners after the input mappings and before the element's behaviour,
 * end listeners after the output mappings and before the element is left, one at a time in model
 * order; start listener variables local to the element, end listener variables propagated like
 * output mappings; a listener job without retries is an incident on the element.
 */
class ExecutionListenerTest extends ListenerScenarioTest {

  private final String processId = unique("listeners");
  private final String task = unique("el-task");
  private final String start1 = unique("el-start-1");
  private final String start2 = unique("el-start-2");
  private final String end = unique("el-end");

  @Test
  void shouldRunStartListenersInOrderBeforeTheTaskAndEndListenersAfterItsOutputMappings() {
    // given: a service task with input and output mappings, two start and one end listener
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(task)
                        .zeebeTaskHeader("channel", "partner-portal")
                        .zeebeInputExpression("partner", "who")
                        .zeebeOutputExpression("result", "outcome")
                        .zeebeStartExecutionListener(start1)
                        .zeebeStartExecutionListener(start2)
                        .zeebeEndExecutionListener(end))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partner", "acme")).getProcessInstanceKey();

    // when: the first start listener's job is activated
    ActivatedJob first = awaitJob(start1);

    // then: it is an execution listener job of the element, after the input mappings, with the
    // element's headers; neither the second listener nor the task's job exists yet
    assertThat(first.getKind()).hasToString("EXECUTION_LISTENER");
    assertThat(first.getListenerEventType()).hasToString("START");
    assertThat(first.getElementId()).isEqualTo("work");
    assertThat(first.getVariablesAsMap()).containsEntry("who", "acme");
    assertThat(first.getCustomHeaders()).containsEntry("channel", "partner-portal");
    assertThat(activateNow(start2)).isEmpty();
    assertThat(activateNow(task)).isEmpty();

    // when: the listeners complete one after the other, the first with a variable
    client.newCompleteCommand(first).variables(Map.of("checked", true)).send().join();
    ActivatedJob second = awaitJob(start2);
    assertThat(second.getVariablesAsMap()).containsEntry("checked", true);
    assertThat(activateNow(task)).isEmpty();
    client.newCompleteCommand(second).send().join();

    // then: the task's own job comes, seeing the listener's variable, which is local to the task
    ActivatedJob work = awaitJob(task);
    assertThat(work.getKind()).hasToString("BPMN_ELEMENT");
    assertThat(work.getVariablesAsMap()).containsEntry("checked", true);
    assertThat(variableScopes(key, "checked")).containsExactly(work.getElementInstanceKey());
    assertThat(activateNow(end)).isEmpty();

    // when: the task's job completes
    client.newCompleteCommand(work).variables(Map.of("result", "approved")).send().join();

    // then: the end listener runs after the output mappings, the element is still active
    ActivatedJob endJob = awaitJob(end);
    assertThat(endJob.getListenerEventType()).hasToString("END");
    assertThat(endJob.getVariablesAsMap()).containsEntry("outcome", "approved");
    assertThat(elementState(key, "work")).isEqualTo(ElementInstanceState.ACTIVE);

    // when: it completes with a variable
    client.newCompleteCommand(endJob).variables(Map.of("notified", "yes")).send().join();

    // then: the variable lands in the flow scope (the process), and the instance completes
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(variableScopes(key, "notified")).containsExactly(key);
    assertThat(elementState(key, "work")).isEqualTo(ElementInstanceState.COMPLETED);
  }

  @Test
  void shouldRunTheProcessListenersBeforeTheStartEventAndAfterTheEndEvent() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .zeebeStartExecutionListener(start1)
            .zeebeEndExecutionListener(end)
            .startEvent("begin")
            .endEvent("finish")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    ActivatedJob startJob = awaitJob(start1);

    // then: nothing of the content has started
    assertThat(startJob.getElementInstanceKey()).isEqualTo(key);
    assertThat(startJob.getElementId()).isEqualTo(processId);
    assertThat(elementIds(key)).isEmpty();

    // when
    client.newCompleteCommand(startJob).variables(Map.of("tier", "gold")).send().join();
    ActivatedJob endJob = awaitJob(end);

    // then: the content has run, the instance waits for its end listener
    assertThat(elementIds(key)).containsExactly("begin", "finish");
    assertThat(endJob.getVariablesAsMap()).containsEntry("tier", "gold");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(endJob).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseAnIncidentWhenAListenerJobFailsAndContinueWithItAfterTheResolution() {
    // given: two start listeners; the second fails without retries
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(task)
                        .zeebeStartExecutionListener(start1)
                        .zeebeExecutionListener(l -> l.start().type(start2).retries("1")))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(awaitJob(start1)).send().join();
    ActivatedJob failing = awaitJob(start2);
    assertThat(failing.getRetries()).isEqualTo(1);
    client.newFailCommand(failing).retries(0).errorMessage("CRM down").send().join();

    // then: an EXECUTION_LISTENER_NO_RETRIES incident on the element, for that job
    awaitIncident(key);
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXECUTION_LISTENER_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getJobKey()).isEqualTo(failing.getKey());
    assertThat(incident.getErrorMessage()).isEqualTo("CRM down");

    // when: retries updated and the incident resolved
    client.newUpdateRetriesCommand(failing.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: only the failed listener runs again, then the task
    assertThat(activateNow(start1)).isEmpty();
    ActivatedJob again = awaitJob(start2);
    assertThat(again.getKey()).isEqualTo(failing.getKey());
    client.newCompleteCommand(again).send().join();
    client.newCompleteCommand(awaitJob(task)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(instance(key).getHasIncident()).isFalse();
  }

  @Test
  void shouldRaiseAnIncidentWhenAListenerTypeCannotBeEvaluatedAndCreateItsJobAfterTheResolution() {
    // given: the end listener's type comes from a variable that is missing
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(task)
                        .zeebeExecutionListener(l -> l.end().typeExpression("listenerType")))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    client.newCompleteCommand(awaitJob(task)).send().join();

    // then
    awaitIncident(key);
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("work");

    // when: the variable is set and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("listenerType", end)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the end listener runs, the task's job is not created again
    client.newCompleteCommand(awaitJob(end)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(activateNow(task)).isEmpty();
  }

  @Test
  void shouldRunAllStartListenersAgainAfterAnIncidentOnAListenerType() {
    // given: the second start listener's type comes from a variable that is missing
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(task)
                        .zeebeStartExecutionListener(start1)
                        .zeebeExecutionListener(l -> l.start().typeExpression("secondType")))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob first = awaitJob(start1);
    client.newCompleteCommand(first).send().join();
    awaitIncident(key);
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);

    // when
    client.newSetVariablesCommand(key).variables(Map.of("secondType", start2)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: as in Camunda, the start listeners run again from the first
    ActivatedJob firstAgain = awaitJob(start1);
    assertThat(firstAgain.getKey()).isNotEqualTo(first.getKey());
    client.newCompleteCommand(firstAgain).send().join();
    client.newCompleteCommand(awaitJob(start2)).send().join();
    client.newCompleteCommand(awaitJob(task)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCancelTheListenerJobWithTheInstanceAndRefuseBpmnErrorsFromListeners() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(task).zeebeStartExecutionListener(start1))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob listener = awaitJob(start1);

    // then: a listener cannot throw a BPMN error (Camunda does not support it)
    assertThatThrownBy(() -> client.newThrowErrorCommand(listener).errorCode("NOPE").send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(400));

    // when: the instance is cancelled while the listener runs
    client.newCancelInstanceCommand(key).send().join();

    // then: the listener's job is gone and the task never started its own
    assertThatThrownBy(() -> client.newCompleteCommand(listener).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    assertThat(activateNow(task)).isEmpty();
    assertThat(elementState(key, "work")).isEqualTo(ElementInstanceState.TERMINATED);
  }

  @Test
  void shouldRefuseListenersWhereCamundaDoesNotRunThemNamingTheElement() {
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent("begin")
            .zeebeStartExecutionListener(start1)
            .endEvent()
            .done(),
        "begin",
        "execution listeners of type 'start'");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .endEvent("fail", e -> e.error("PARTNER_REJECTED"))
            .zeebeEndExecutionListener(end)
            .done(),
        "fail",
        "execution listeners of type 'end'");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(task))
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .zeebeStartExecutionListener(start1)
            .endEvent()
            .done(),
        "late",
        "execution listeners of type 'start'");
  }

  private void assertRefused(BpmnModelInstance model, String elementId, String what) {
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains(elementId)
                  .containsIgnoringCase(what)
                  .containsIgnoringCase("not supported");
            });
  }

  // --- helpers ---

  List<Long> variableScopes(long processInstanceKey, String name) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).name(name))
        .send()
        .join()
        .items()
        .stream()
        .map(Variable::getScopeKey)
        .toList();
  }

  List<String> elementIds(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstance::getElementId)
        .collect(Collectors.toList());
  }

  ElementInstanceState elementState(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .singleItem()
        .getState();
  }
}
