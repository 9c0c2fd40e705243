package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.partnerflow.engine.scenario.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kills the engine with SIGKILL in the middle of a load and starts it again on the same database
 * and port: every instance completes, every job is completed once (as the engine accepted it,
 * counted on the worker side), every timer fires once. The engine runs in a child JVM ({@link
 * EngineNode}) on a database of its own; the workers of the official client run in this JVM and
 * carry on against the restarted node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {

  private static final int INSTANCES = 200;
  private static final Duration TIMER = Duration.ofSeconds(2);
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private EngineNode node;
  private final QuietLogger pollerLog = new QuietLogger("io.camunda.client.job.poller");

  @BeforeAll
  void startNode() {
    String database = "robust_crash_" + UUID.randomUUID().toString().substring(0, 8);
    node = new EngineNode("crash", EmbeddedDatabase.jdbcUrl(database), EngineNode.freePort());
    node.start();
    node.awaitReady(STARTUP);
  }

  @AfterAll
  void killNode() {
    pollerLog.restore();
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldCompleteEveryInstanceExactlyOnceWhenTheEngineIsKilledInTheMiddle() throws Exception {
    // given: a load of instances (job, timer, job) worked on by workers in this JVM
    CamundaClient client = node.newClient();
    TimerJobLoad load = new TimerJobLoad("crash");
    long definition = load.deploy(client, TIMER);
    WorkLedger ledger = new WorkLedger();
    List<JobWorker> workers = new ArrayList<>();
    for (String type : List.of(load.beforeType, load.afterType)) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler(ledger.completingHandler(type))
              .name(type)
              .maxJobsActive(32)
              .timeout(JOB_TIMEOUT)
              .pollInterval(Duration.ofMillis(50))
              .open());
    }
    List<Long> instances = load.startInstances(List.of(client), INSTANCES);

    // when: the node is killed with SIGKILL while instances wait for timers and jobs
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ledger.acceptedOf(TimerJobLoad.AFTER) >= INSTANCES / 10);
    pollerLog.quiet(); // the workers' polls fail until the node is back: one stack trace each
    int exitValue = node.kill();
    int doneAtKill = ledger.acceptedOf(TimerJobLoad.AFTER);
    assertThat(exitValue).as("exit value of a JVM killed by SIGKILL").isEqualTo(137);
    assertThat(doneAtKill).as("instances done when the node was killed").isLessThan(INSTANCES);

    // and: started again on the same database and port
    node.start();
    node.awaitReady(STARTUP);

    // then: every instance completes
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> TimerJobLoad.completed(client, definition) == INSTANCES);
    workers.forEach(JobWorker::close);

    // and: each element ran exactly once per instance (the engine's element history)
    TimerJobLoad.assertEveryInstanceRanEveryElementOnce(client, definition, instances);

    // and: on the worker side, each task had one job (a timer firing twice would have made a
    // second job for the task after it) and the engine accepted at most one completion of it
    ledger.assertEachTaskHadOneJobCompletedOnce(
        instances, List.of(TimerJobLoad.BEFORE, TimerJobLoad.AFTER));
    System.out.printf(
        "CrashRecoveryTest: %d instances, %d done when killed, %d completions unanswered by the"
            + " crash, %d rejected as already completed%n",
        INSTANCES, doneAtKill, ledger.totalUncertain(), ledger.totalRejected());
  }
}
