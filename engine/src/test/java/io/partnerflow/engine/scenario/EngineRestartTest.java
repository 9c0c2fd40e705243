package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stops the engine's Spring context in the middle of work and starts a new one on the same
 * database: waiting timers, open subscriptions, buffered messages, activated jobs and the pinned
 * clock all carry on. Uses its own database (RestartableEngine), not the shared scenario context.
 */
class EngineRestartTest {

  private final RestartableEngine engine =
      new RestartableEngine("restart_" + UUID.randomUUID().toString().substring(0, 8));

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  private static BpmnModelInstance timerProcess(String processId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
        .serviceTask("after", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance messageProcess(String processId, String message, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent(
            "wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("id")))
        .serviceTask("after", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance jobProcess(String processId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  @Test
  void shouldCarryOnWithTimersMessagesSubscriptionsAndJobsAfterRestart() {
    // given: an engine with work in every waiting state, its clock pinned a day back (had the
    // pin been lost on restart, the timer, the job's time-out and the message's time-to-live
    // would all have passed at once)
    CamundaClient client = engine.start();
    Instant t0 = Instant.now().minus(Duration.ofDays(1));
    client.newPinClockCommand().time(t0).send().join();
    client
        .newDeployResourceCommand()
        .addProcessModel(timerProcess("timer", "after-timer"), "timer.bpmn")
        .addProcessModel(messageProcess("subscribed", "approved", "after-approval"), "sub.bpmn")
        .addProcessModel(messageProcess("buffered", "paid", "after-payment"), "buf.bpmn")
        .addProcessModel(jobProcess("job", "work"), "job.bpmn")
        .send()
        .join();
    List<Long> instances = new ArrayList<>();
    instances.add(start(client, "timer", Map.of()));
    instances.add(start(client, "subscribed", Map.of("id", "s-1")));
    instances.add(start(client, "job", Map.of()));
    client
        .newPublishMessageCommand()
        .messageName("paid")
        .correlationKey("b-1")
        .timeToLive(Duration.ofHours(2))
        .variables(Map.of("amount", 99))
        .send()
        .join();
    List<ActivatedJob> activated =
        client
            .newActivateJobsCommand()
            .jobType("work")
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(5))
            .send()
            .join()
            .getJobs();
    assertThat(activated).hasSize(1);

    // when: the engine stops and a new one starts on the same database
    engine.stop();
    client = engine.start();

    // then: the timer still waits (the pinned clock survived), the activated job is still taken
    assertThat(activate(client, "after-timer", Duration.ofSeconds(1))).isEmpty();
    assertThat(activate(client, "work", Duration.ofMillis(500))).isEmpty();

    // and: the subscription opened before the restart takes a message published after it
    client
        .newPublishMessageCommand()
        .messageName("approved")
        .correlationKey("s-1")
        .timeToLive(Duration.ZERO)
        .send()
        .join();
    complete(client, awaitJob(client, "after-approval"));

    // and: the message buffered before the restart correlates with an instance started after it
    instances.add(start(client, "buffered", Map.of("id", "b-1")));
    ActivatedJob payment = awaitJob(client, "after-payment");
    assertThat(payment.getVariablesAsMap()).containsEntry("amount", 99);
    complete(client, payment);

    // and: moving the clock fires the timer and frees the job whose activation timed out
    client.newPinClockCommand().time(t0.plus(Duration.ofMinutes(61))).send().join();
    complete(client, awaitJob(client, "after-timer"));
    ActivatedJob again = awaitJob(client, "work");
    assertThat(again.getKey()).isEqualTo(activated.get(0).getKey());
    complete(client, again);

    for (long key : instances) {
      CamundaClient current = client;
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(current.newProcessInstanceGetRequest(key).send().join().getState())
                      .isEqualTo(ProcessInstanceState.COMPLETED));
    }
  }

  private static long start(CamundaClient client, String processId, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type, Duration wait) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .requestTimeout(wait)
        .send()
        .join()
        .getJobs();
  }

  private static ActivatedJob awaitJob(CamundaClient client, String type) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(activate(client, type, Duration.ofSeconds(2)));
              return !jobs.isEmpty();
            });
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private static void complete(CamundaClient client, ActivatedJob job) {
    client.newCompleteCommand(job).send().join();
  }
}
