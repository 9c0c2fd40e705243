package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobLifecycleTest extends EngineScenarioTest {

  private final String processId = unique("jobs");
  private final String type = unique("job");

  private void deploySingleTask(int retries) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type).zeebeJobRetries(String.valueOf(retries)))
            .endEvent()
            .done());
  }

  private List<ActivatedJob> activate(Duration requestTimeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(requestTimeout)
        .send()
        .join()
        .getJobs();
  }

  private ActivatedJob activateOne() {
    List<ActivatedJob> jobs = activate(Duration.ofSeconds(5));
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  @Test
  void shouldRetryFailedJobAndRaiseIncidentWhenRetriesRunOut() {
    // given
    deploySingleTask(2);
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: the first failure leaves one retry
    ActivatedJob first = activateOne();
    client.newFailCommand(first).retries(1).errorMessage("CRM down").send().join();

    // then: the job comes back with one retry
    ActivatedJob second = activateOne();
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(1);

    // when: no retries left
    client.newFailCommand(second).retries(0).errorMessage("CRM still down").send().join();

    // then
    awaitIncident(key);
    assertThat(activate(Duration.ofMillis(300))).isEmpty();
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldHoldFailedJobBackUntilBackOffPassed() {
    // given
    deploySingleTask(3);
    start(processId, Map.of());
    ActivatedJob job = activateOne();

    // when
    client.newFailCommand(job).retries(2).retryBackoff(Duration.ofSeconds(1)).send().join();

    // then
    assertThat(activate(Duration.ofMillis(200))).isEmpty();
    assertThat(activate(Duration.ofSeconds(5)))
        .extracting(ActivatedJob::getKey)
        .containsExactly(job.getKey());
  }

  @Test
  void shouldMakeJobActivatableAgainWhenActivationTimesOut() {
    // given
    deploySingleTask(3);
    start(processId, Map.of());
    List<ActivatedJob> first =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(500))
            .send()
            .join()
            .getJobs();
    assertThat(first).hasSize(1);

    // when / then: held by the long poll until the time-out expires
    assertThat(activate(Duration.ofSeconds(5)))
        .extracting(ActivatedJob::getKey)
        .containsExactly(first.get(0).getKey());
  }

  @Test
  void shouldAnswer409WhenCompletingACompletedJob() {
    // given
    deploySingleTask(3);
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne();
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);

    // when / then
    assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
  }

  @Test
  void shouldAnswer404ForUnknownJob() {
    assertThatThrownBy(() -> client.newCompleteCommand(42L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldRaiseIncidentForUncaughtBpmnError() {
    // given
    deploySingleTask(3);
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newThrowErrorCommand(activateOne()).errorCode("REJECTED").send().join();

    // then
    awaitIncident(key);
  }

  @Test
  void shouldUpdateRetriesAndTimeout() {
    // given
    deploySingleTask(3);
    start(processId, Map.of());
    ActivatedJob job = activateOne();

    // when
    client.newUpdateRetriesCommand(job).retries(7).send().join();
    client.newUpdateTimeoutCommand(job).timeout(Duration.ofMillis(1)).send().join();

    // then: the shortened time-out releases the job with its new retries
    ActivatedJob again = activateOne();
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(7);
  }

  @Test
  void shouldNeverHandTheSameJobToTwoCompetingWorkers() {
    // given
    deploySingleTask(3);
    int instances = 40;
    IntStream.range(0, instances).forEach(i -> start(processId, Map.of("i", i)));
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    List<JobWorker> workers =
        IntStream.range(0, 2)
            .mapToObj(
                w ->
                    client
                        .newWorker()
                        .jobType(type)
                        .handler(
                            (jobClient, job) -> {
                              if (!seen.add(job.getKey())) {
                                duplicates.incrementAndGet();
                              }
                              jobClient.newCompleteCommand(job).send().join();
                            })
                        .name("worker-" + w)
                        .maxJobsActive(4)
                        .timeout(Duration.ofMinutes(1))
                        .open())
            .toList();
    try {
      // when / then
      await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == instances);
      assertThat(duplicates).hasValue(0);
    } finally {
      workers.forEach(JobWorker::close);
    }
  }
}
