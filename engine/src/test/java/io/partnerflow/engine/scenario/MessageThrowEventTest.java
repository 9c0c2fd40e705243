package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intermediate message throw events and message end events: as in Camunda 8 a job worker sends the
 * message, and the token moves on when its job is completed.
 */
class MessageThrowEventTest extends ScopeScenarioTest {

  @Test
  void shouldWaitForTheJobsOfMessageThrowAndEndEvents() {
    // given
    String processId = unique("message-throw");
    String type = unique("send-message");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateThrowEvent(
                "announce",
                e -> e.message("partner-approved").zeebeJobType(type).zeebeTaskHeader("to", "crm"))
            .endEvent("welcome", e -> e.message("partner-welcome").zeebeJobType(type))
            .done());
    long key = start(processId, Map.of("partnerId", "p-7")).getProcessInstanceKey();

    // when: the worker sends the first message
    ActivatedJob announce = activateOne(type);

    // then: the throw event's job carries the element, headers and variables; the instance waits
    assertThat(announce.getElementId()).isEqualTo("announce");
    assertThat(announce.getCustomHeaders()).containsEntry("to", "crm");
    assertThat(announce.getVariablesAsMap()).containsEntry("partnerId", "p-7");
    assertThat(history(key)).contains("announce ACTIVE");

    // when
    client.newCompleteCommand(announce.getKey()).variables(Map.of("announced", true)).send().join();
    ActivatedJob welcome = activateOne(type);

    // then: the end event waits for its job too, and completing it ends the instance
    assertThat(welcome.getElementId()).isEqualTo("welcome");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(welcome.getKey()).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("announce COMPLETED", "welcome COMPLETED");
    assertThat(variablesOf(key)).containsEntry("announced", "true");
  }

  @Test
  void shouldRejectAMessageThrowEventWithoutJobType() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("message-throw-untyped"))
            .startEvent()
            .intermediateThrowEvent("announce", e -> e.message("partner-approved"))
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("announce");
            });
  }

  private ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }
}
