package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Incident lifecycle: raised, searched, read, resolved (job, gateway and mapping incidents). */
class IncidentTest extends EngineScenarioTest {

  private final String processId = unique("incidents");
  private final String type = unique("incidents-task");

  private List<ActivatedJob> activate(Duration requestTimeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .requestTimeout(requestTimeout)
        .send()
        .join()
        .getJobs();
  }

  private List<Incident> incidentsOf(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.incidentKey().asc())
        .send()
        .join()
        .items();
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

  private ProblemException problem(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("Expected a problem");
  }

  @Test
  void shouldResolveJobIncidentOnlyAfterRetriesWereUpdated() {
    // given: a job that fails without retries
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type).zeebeJobRetries("1"))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activate(Duration.ofSeconds(5)).get(0);
    client.newFailCommand(job).retries(0).errorMessage("CRM down").send().join();

    // then: an incident, visible in searches, on the instance and on the element
    Incident incident = activeIncidentOf(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("CRM down");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(incident.getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
    assertThat(incident.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(incident.getCreationTime()).isNotNull();
    assertThat(client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getState())
        .isEqualTo(IncidentState.ACTIVE);
    ElementInstance task =
        client.newElementInstanceGetRequest(job.getElementInstanceKey()).send().join();
    assertThat(task.getIncident()).isTrue();
    assertThat(task.getIncidentKey()).isEqualTo(incident.getIncidentKey());
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.jobKey(job.getKey()).errorType(IncidentErrorType.JOB_NO_RETRIES))
                .send()
                .join()
                .items())
        .extracting(Incident::getIncidentKey)
        .containsExactly(incident.getIncidentKey());

    // when: resolved without new retries
    ProblemException noRetries =
        problem(() -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join());

    // then
    assertThat(noRetries.code()).isEqualTo(409);
    assertThat(activate(Duration.ofMillis(300))).isEmpty();

    // when: retries updated, then resolved
    client.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the job comes back and the instance can finish
    assertThat(client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getState())
        .isEqualTo(IncidentState.RESOLVED);
    assertThat(instance(key).getHasIncident()).isFalse();
    List<ActivatedJob> again = activate(Duration.ofSeconds(5));
    assertThat(again).extracting(ActivatedJob::getKey).containsExactly(job.getKey());
    assertThat(again.get(0).getRetries()).isEqualTo(2);
    client.newCompleteCommand(again.get(0)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);

    // and: resolving twice, or an unknown incident, is refused
    assertThat(
            problem(() -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join())
                .code())
        .isEqualTo(409);
    assertThat(problem(() -> client.newResolveIncidentCommand(19L).send().join()).code())
        .isEqualTo(404);
    assertThat(problem(() -> client.newIncidentGetRequest(19L).send().join()).code())
        .isEqualTo(404);
  }

  @Test
  void shouldReevaluateGatewayWithCurrentVariablesWhenResolved() {
    // given: no condition matches "c"
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("route")
            .conditionExpression("=channel = \"a\"")
            .endEvent("endA")
            .moveToNode("route")
            .conditionExpression("=channel = \"b\"")
            .endEvent("endB")
            .done());
    long key = start(processId, Map.of("channel", "c")).getProcessInstanceKey();
    Incident incident = activeIncidentOf(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);
    assertThat(incident.getElementId()).isEqualTo("route");
    assertThat(incident.getJobKey()).isNull();

    // when
    client.newSetVariablesCommand(key).variables(Map.of("channel", "b")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(key).elementId("endB"))
                .send()
                .join()
                .singleItem()
                .getState())
        .isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(incidentsOf(key))
        .extracting(Incident::getState)
        .containsExactly(IncidentState.RESOLVED);
  }

  @Test
  void shouldOpenANewIncidentWhenTheRetryFailsAgain() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("route")
            .conditionExpression("=channel = \"a\"")
            .endEvent("endA")
            .done());
    long key = start(processId, Map.of("channel", "c")).getProcessInstanceKey();
    Incident first = activeIncidentOf(key);

    // when: resolved without fixing anything
    client.newResolveIncidentCommand(first.getIncidentKey()).send().join();

    // then
    assertThat(incidentsOf(key))
        .extracting(Incident::getState)
        .containsExactly(IncidentState.RESOLVED, IncidentState.ACTIVE);
    assertThat(instance(key).getHasIncident()).isTrue();
    assertThat(
            client
                .newIncidentsByProcessInstanceSearchRequest(key)
                .sort(s -> s.incidentKey().desc())
                .send()
                .join()
                .items())
        .extracting(Incident::getState)
        .containsExactly(IncidentState.ACTIVE, IncidentState.RESOLVED);
    assertThatThrownBy(() -> client.newIncidentsByProcessInstanceSearchRequest(31L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldRetryInputAndOutputMappingsWhenResolved() {
    // given: the input mapping needs partnerId, the output mapping needs result
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("assert(partnerId, partnerId != null)", "id")
                        .zeebeOutputExpression("assert(result, result != null)", "outcome"))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    Incident input = activeIncidentOf(key);
    assertThat(input.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);

    // when: the input is fixed
    client.newSetVariablesCommand(key).variables(Map.of("partnerId", "p-1")).send().join();
    client.newResolveIncidentCommand(input.getIncidentKey()).send().join();

    // then: the job exists, with the mapped input
    ActivatedJob job = activate(Duration.ofSeconds(5)).get(0);
    assertThat(job.getVariablesAsMap()).containsEntry("id", "p-1");

    // when: completed without result, the output mapping fails
    client.newCompleteCommand(job).send().join();
    Incident output = activeIncidentOf(key);
    assertThat(output.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("result", "ok"))
        .local(true)
        .send()
        .join();
    client.newResolveIncidentCommand(output.getIncidentKey()).send().join();

    // then: the completion is retried and the instance ends with the output
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(key).name("outcome"))
                .send()
                .join()
                .singleItem()
                .getValue())
        .isEqualTo("\"ok\"");
  }

  @Test
  void shouldResolveUncaughtErrorIncidentByActivatingTheJobAgain() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activate(Duration.ofSeconds(5)).get(0);
    client.newThrowErrorCommand(job).errorCode("NO_CONTRACT").send().join();
    Incident incident = activeIncidentOf(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);

    // when
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    assertThat(activate(Duration.ofSeconds(5)))
        .extracting(ActivatedJob::getKey)
        .containsExactly(job.getKey());
  }

  @Test
  void shouldAnswer404ForIncidentsOfUnknownKeys() {
    assertThatThrownBy(() -> client.newIncidentGetRequest(23L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
