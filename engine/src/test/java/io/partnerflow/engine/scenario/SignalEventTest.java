package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signals: POST /v2/signals/broadcast and every signal event the engine executes — start events of
 * processes and event sub-processes, intermediate catch and throw events, end events, boundary
 * events (interrupting and non-interrupting), signal events after an event-based gateway.
 */
class SignalEventTest extends ScopeScenarioTest {

  @Autowired JdbcClient jdbc;

  private final String signal = unique("product-launched");
  private final String afterType = unique("after");
  private final String mainType = unique("main");

  private BroadcastSignalResponse broadcast(Map<String, Object> variables) {
    return client.newBroadcastSignalCommand().signalName(signal).variables(variables).send().join();
  }

  /** start → catch the signal → after task → end. */
  private BpmnModelInstance catcher(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .intermediateCatchEvent("wait", e -> e.signal(signal))
        .serviceTask("after", t -> t.zeebeJobType(afterType))
        .endEvent()
        .done();
  }

  private int subscriptionsOf(long processInstanceKey) {
    return jdbc.sql(
            "SELECT count(*) FROM engine.signal_subscription WHERE process_instance_key = ?")
        .param(processInstanceKey)
        .query(Integer.class)
        .single();
  }

  @Test
  void broadcastCompletesEveryWaitingCatchEventAcrossInstancesAndProcesses() {
    // given: two processes, three instances waiting for the signal
    String first = unique("enablement");
    String second = unique("marketing");
    deploy(catcher(first));
    deploy(catcher(second));
    List<Long> waiting =
        List.of(
            start(first, Map.of()).getProcessInstanceKey(),
            start(first, Map.of()).getProcessInstanceKey(),
            start(second, Map.of()).getProcessInstanceKey());

    // when
    BroadcastSignalResponse response = broadcast(Map.of("product", "atlas"));

    // then: each one took it with the signal's variables, and its subscription is gone
    assertThat(response.getKey()).isPositive();
    assertThat(response.getTenantId()).isEqualTo("<default>");
    List<ActivatedJob> jobs = activate(afterType, Duration.ofSeconds(2));
    assertThat(jobs).hasSize(3);
    assertThat(jobs)
        .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsEntry("product", "atlas"));
    assertThat(jobs.stream().map(ActivatedJob::getProcessInstanceKey))
        .containsExactlyInAnyOrderElementsOf(waiting);
    for (long key : waiting) {
      assertThat(history(key)).contains("wait COMPLETED");
      assertThat(subscriptionsOf(key)).isZero();
    }

    // and: a signal is not buffered — an instance that arrives later keeps waiting
    long late = start(first, Map.of()).getProcessInstanceKey();
    assertNoJob(afterType);
    assertThat(history(late)).contains("wait ACTIVE");
    assertThat(subscriptionsOf(late)).isEqualTo(1);
  }

  @Test
  void aBroadcastThatFailsHalfWayChangesNothingAndTheNextOneTriggersEachOnce() {
    // given: three waiting instances; the database refuses the third one's next element, which
    // the broadcast reaches after it has moved the first two on in the same transaction
    String processId = unique("atomic");
    deploy(catcher(processId));
    List<Long> waiting =
        List.of(
            start(processId, Map.of()).getProcessInstanceKey(),
            start(processId, Map.of()).getProcessInstanceKey(),
            start(processId, Map.of()).getProcessInstanceKey());
    String failure = "fail_" + processId.replaceAll("[^a-z0-9]", "_");
    jdbc.sql(
            "CREATE FUNCTION engine.%s() RETURNS trigger LANGUAGE plpgsql AS".formatted(failure)
                + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$")
        .update();
    jdbc.sql(
            ("CREATE TRIGGER %s BEFORE INSERT ON engine.element_instance FOR EACH ROW"
                    + " WHEN (NEW.process_instance_key = %d AND NEW.element_id = 'after')"
                    + " EXECUTE FUNCTION engine.%s()")
                .formatted(failure, waiting.get(2), failure))
        .update();
    try {
      // when
      assertThatThrownBy(() -> broadcast(Map.of("product", "atlas")))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.details().getStatus()).isEqualTo(500));

      // then: nothing was triggered, every instance still waits
      assertNoJob(afterType);
      for (long key : waiting) {
        assertThat(history(key)).containsExactly("start COMPLETED", "wait ACTIVE");
        assertThat(subscriptionsOf(key)).isEqualTo(1);
      }
    } finally {
      jdbc.sql("DROP TRIGGER %s ON engine.element_instance".formatted(failure)).update();
      jdbc.sql("DROP FUNCTION engine.%s()".formatted(failure)).update();
    }

    // when: broadcast again
    broadcast(Map.of("product", "atlas"));

    // then: each instance took it once
    List<ActivatedJob> jobs = activate(afterType, Duration.ofSeconds(2));
    assertThat(jobs.stream().map(ActivatedJob::getProcessInstanceKey))
        .containsExactlyInAnyOrderElementsOf(waiting);
    for (long key : waiting) {
      assertThat(history(key).stream().filter("wait COMPLETED"::equals)).hasSize(1);
      assertThat(subscriptionsOf(key)).isZero();
    }
    broadcast(Map.of());
    assertNoJob(afterType);
  }

  @Test
  void broadcastWithoutSignalNameIsRejected() {
    assertThatThrownBy(() -> client.newBroadcastSignalCommand().signalName("").send().join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.details().getStatus()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("signalName");
            });
  }

  @Test
  void broadcastWithoutSignalNameOrWithVariablesNotAnObjectIsABadRequest() throws Exception {
    // the client cannot leave the name out: what another client might send
    HttpResponse<String> noName = post("/v2/signals/broadcast", "{\"variables\":{}}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("No signalName provided.");
    HttpResponse<String> listVariables =
        post("/v2/signals/broadcast", "{\"signalName\":\"" + signal + "\",\"variables\":[1]}");
    assertThat(listVariables.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    String credential = USERNAME + ":" + PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signalStartEventStartsTheLatestVersionOfEveryProcessWithIt() {
    // given: two versions of one process (only the latest is subscribed) and another process
    String processId = unique("launch-kit");
    String other = unique("launch-mail");
    String oldType = unique("old");
    String otherType = unique("other");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("launched")
            .signal(signal)
            .serviceTask("work", t -> t.zeebeJobType(oldType))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("launched")
            .signal(signal)
            .serviceTask("work", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(other)
            .startEvent("launched")
            .signal(signal)
            .serviceTask("mail", t -> t.zeebeJobType(otherType))
            .endEvent()
            .done());

    // when
    broadcast(Map.of("product", "atlas"));

    // then: one instance of each process's latest version, with the signal's variables
    ActivatedJob work = awaitJob(afterType);
    assertThat(work.getVariablesAsMap()).containsEntry("product", "atlas");
    assertThat(work.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(history(work.getProcessInstanceKey())).startsWith("launched COMPLETED");
    awaitJob(otherType);
    assertNoJob(oldType);

    // and: a process started by the signal cannot be created through the API (no none start)
    assertThatThrownBy(() -> start(processId, Map.of())).isInstanceOf(ProblemException.class);
  }

  @Test
  void interruptingBoundarySignalTerminatesItsHost() {
    // given
    String processId = unique("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("review", t -> t.zeebeJobType(mainType))
            .boundaryEvent("withdrawn", b -> b.signal(signal))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .moveToActivity("review")
            .endEvent("reviewed")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob review = awaitJob(mainType);

    // when
    broadcast(Map.of("reason", "recalled"));

    // then
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariablesAsMap()).containsEntry("reason", "recalled");
    assertThat(history(key)).contains("review TERMINATED", "withdrawn COMPLETED");
    assertThatThrownBy(() -> client.newCompleteCommand(review).send().join())
        .isInstanceOf(ProblemException.class);
    assertThat(subscriptionsOf(key)).isZero();
    client.newCompleteCommand(after).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void nonInterruptingBoundarySignalFiresOnEverySignalWhileItsHostWaits() {
    // given: a boundary on a sub-process around the task
    String processId = unique("onboarding");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("work", t -> t.zeebeJobType(mainType))
                        .endEvent())
            .boundaryEvent("notified", b -> b.cancelActivity(false).signal(signal))
            .serviceTask("notice", t -> t.zeebeJobType(afterType))
            .endEvent()
            .moveToActivity("stage")
            .endEvent("done")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob work = awaitJob(mainType);

    // when: two signals
    broadcast(Map.of());
    broadcast(Map.of());

    // then: two tokens, the sub-process goes on
    assertThat(activate(afterType, Duration.ofSeconds(2))).hasSize(2);
    client.newCompleteCommand(work).send().join();
    assertThat(history(key)).contains("stage COMPLETED", "done COMPLETED");

    // and: once the host has ended, a signal reaches nothing
    assertThat(subscriptionsOf(key)).isZero();
    broadcast(Map.of());
    assertNoJob(afterType);
    assertThat(history(key).stream().filter("notified COMPLETED"::equals)).hasSize(2);
  }

  @Test
  void interruptingEventSubProcessSignalStartTerminatesTheRest() {
    // given
    String processId = unique("partner-journey");
    deployWithSignalEventSubProcess(processId, true);
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(mainType);

    // when
    broadcast(Map.of("product", "atlas"));

    // then
    ActivatedJob handled = awaitJob(afterType);
    assertThat(handled.getVariablesAsMap()).containsEntry("product", "atlas");
    assertThat(history(key)).contains("main TERMINATED", "handlerStart COMPLETED");
    client.newCompleteCommand(handled).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(subscriptionsOf(key)).isZero();
  }

  @Test
  void nonInterruptingEventSubProcessSignalStartRunsOnEverySignal() {
    // given
    String processId = unique("partner-journey");
    deployWithSignalEventSubProcess(processId, false);
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob main = awaitJob(mainType);

    // when
    broadcast(Map.of());
    broadcast(Map.of());

    // then
    List<ActivatedJob> handled = activate(afterType, Duration.ofSeconds(2));
    assertThat(handled).hasSize(2);
    client.newCompleteCommand(main).send().join();
    handled.forEach(job -> client.newCompleteCommand(job).send().join());
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(subscriptionsOf(key)).isZero();
  }

  @Test
  void eventSubProcessInAnEmbeddedSubProcessWaitsOnlyWhileTheSubProcessRuns() {
    // given: the signal's event sub-process lives in the sub-process, not in the process
    String processId = unique("stage-signal");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                (SubProcessBuilder s) ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "handler",
                            e ->
                                e.startEvent("handlerStart")
                                    .signal(signal)
                                    .serviceTask("handle", t -> t.zeebeJobType(afterType))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("main", t -> t.zeebeJobType(mainType))
            .endEvent()
            .subProcessDone()
            .intermediateCatchEvent("later", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(mainType);

    // when: the signal interrupts the sub-process's content
    broadcast(Map.of());

    // then
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    assertThat(history(key)).contains("main TERMINATED", "stage COMPLETED", "later ACTIVE");
    assertThat(subscriptionsOf(key)).isZero();
    broadcast(Map.of());
    assertNoJob(afterType);
  }

  private void deployWithSignalEventSubProcess(String processId, boolean interrupting) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "handler",
                s ->
                    s.startEvent("handlerStart")
                        .interrupting(interrupting)
                        .signal(signal)
                        .serviceTask("handle", t -> t.zeebeJobType(afterType))
                        .endEvent())
            .startEvent()
            .serviceTask("main", t -> t.zeebeJobType(mainType))
            .endEvent()
            .done());
  }

  @Test
  void throwEventBroadcastsItsInputMappingsAndGoesOn() {
    // given: an instance waiting for the signal, and a process that throws it
    String catcherId = unique("catcher");
    String throwerId = unique("thrower");
    String throwerType = unique("thrower-next");
    deploy(catcher(catcherId));
    deploy(
        Bpmn.createExecutableProcess(throwerId)
            .startEvent()
            .intermediateThrowEvent(
                "announce", e -> e.signal(signal).zeebeInputExpression("productId", "product"))
            .serviceTask("next", t -> t.zeebeJobType(throwerType))
            .endEvent()
            .done());
    long waiting = start(catcherId, Map.of()).getProcessInstanceKey();

    // when
    long thrower =
        start(throwerId, Map.of("productId", "atlas", "secret", "s3")).getProcessInstanceKey();

    // then: the signal carries the input mapping's variables only; both instances go on
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getProcessInstanceKey()).isEqualTo(waiting);
    assertThat(after.getVariablesAsMap())
        .containsEntry("product", "atlas")
        .doesNotContainKey("secret");
    awaitJob(throwerType);
    assertThat(history(thrower)).contains("announce COMPLETED");
  }

  @Test
  void endEventBroadcastsAndEndsAndCatchesInItsOwnInstanceToo() {
    // given: one branch waits for the signal, the other ends with it; another instance waits too
    String processId = unique("own-signal");
    String catcherId = unique("catcher");
    String prepareType = unique("prepare");
    deploy(catcher(catcherId));
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .intermediateCatchEvent("ownWait", e -> e.signal(signal))
            .serviceTask("own", t -> t.zeebeJobType(mainType))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("prepare", t -> t.zeebeJobType(prepareType))
            .endEvent("announced")
            .signal(signal)
            .done());
    long other = start(catcherId, Map.of()).getProcessInstanceKey();
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: the branch reaches the signal end event
    client.newCompleteCommand(awaitJob(prepareType)).send().join();

    // then
    client.newCompleteCommand(awaitJob(mainType)).send().join();
    assertThat(awaitJob(afterType).getProcessInstanceKey()).isEqualTo(other);
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("announced COMPLETED", "ownWait COMPLETED");
  }

  @Test
  void eventBasedGatewayTakesTheSignalBranch() {
    // given
    String processId = unique("gateway");
    String timeoutType = unique("timeout");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .eventBasedGateway("choice")
            .intermediateCatchEvent("launched", e -> e.signal(signal))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .moveToNode("choice")
            .intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT1H"))
            .serviceTask("late", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    assertThat(subscriptionsOf(key)).isEqualTo(1);

    // when
    broadcast(Map.of("product", "atlas"));

    // then
    assertThat(awaitJob(afterType).getVariablesAsMap()).containsEntry("product", "atlas");
    assertThat(history(key)).contains("choice COMPLETED", "launched COMPLETED");
    assertThat(subscriptionsOf(key)).isZero();
  }

  @Test
  void cancellingAnInstanceDeletesItsSubscriptions() {
    String processId = unique("cancelled");
    deploy(catcher(processId));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    assertThat(subscriptionsOf(key)).isEqualTo(1);

    client.newCancelInstanceCommand(key).send().join();

    assertThat(subscriptionsOf(key)).isZero();
    broadcast(Map.of());
    assertNoJob(afterType);
  }

  @Test
  void signalNameExpressionIsEvaluatedWhenTheCatchEventIsEntered() {
    String processId = unique("by-expression");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.signal("=\"" + signal + "-\" + region"))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    start(processId, Map.of("region", "emea"));

    client.newBroadcastSignalCommand().signalName(signal + "-apac").send().join();
    assertNoJob(afterType);
    client.newBroadcastSignalCommand().signalName(signal + "-emea").send().join();
    awaitJob(afterType);
  }

  @Test
  void aNameThatCannotBeEvaluatedIsAnIncidentAndResolvingItSubscribes() {
    // given: the name needs a variable the instance does not have
    String processId = unique("no-region");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.signal("=\"" + signal + "-\" + region"))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitIncident(key);
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(subscriptionsOf(key)).isZero();

    // when
    client.newSetVariablesCommand(key).variables(Map.of("region", "emea")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newBroadcastSignalCommand().signalName(signal + "-emea").send().join();

    // then
    awaitJob(afterType);
    assertThat(subscriptionsOf(key)).isZero();
  }

  @Test
  void outputMappingsPickWhatLeavesTheCatchEvent() {
    String processId = unique("mapped");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait", e -> e.signal(signal).zeebeOutputExpression("product", "launchedProduct"))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    start(processId, Map.of());

    broadcast(Map.of("product", "atlas", "internal", true));

    assertThat(awaitJob(afterType).getVariablesAsMap())
        .containsEntry("launchedProduct", "atlas")
        .doesNotContainKeys("product", "internal");
  }

  @Test
  void signalStartEventWithANameExpressionIsRejectedAtDeployment() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("dynamic-start"))
            .startEvent("launched")
            .signal("=signalName")
            .endEvent()
            .done();

    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.details().getStatus()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("launched");
            });
  }
}
