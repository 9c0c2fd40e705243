package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.partnerflow.engine.scenario.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two engine nodes (child JVMs, both with their scheduler on) on one fresh database, started at the
 * same time (so their schema migrations meet), under a load with workers on both nodes: no job is
 * active at two workers at once, every timer fires once, every instance completes. Some jobs are
 * dropped by their first worker, as by a worker that crashed, and come back after their time-out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

  private static final int INSTANCES = 200;
  private static final Duration TIMER = Duration.ofSeconds(1);
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final List<EngineNode> nodes = new ArrayList<>();

  @BeforeAll
  void startNodes() {
    String jdbcUrl =
        EmbeddedDatabase.jdbcUrl("robust_nodes_" + UUID.randomUUID().toString().substring(0, 8));
    for (String name : List.of("node1", "node2")) {
      nodes.add(new EngineNode(name, jdbcUrl, EngineNode.freePort()));
    }
    // both at once on the empty database: the schema migration must not break either
    nodes.forEach(EngineNode::start);
    nodes.forEach(node -> node.awaitReady(STARTUP));
  }

  @AfterAll
  void killNodes() {
    nodes.forEach(EngineNode::close);
  }

  @Test
  void shouldNeverHaveAJobActiveAtTwoWorkersAndFireEachTimerOnce() throws Exception {
    // given: workers for both job types on both nodes; every fifth job is dropped the first time
    List<CamundaClient> clients = nodes.stream().map(EngineNode::newClient).toList();
    TimerJobLoad load = new TimerJobLoad("nodes");
    long definition = load.deploy(clients.get(0), TIMER);
    WorkLedger ledger = new WorkLedger();
    List<JobWorker> workers = new ArrayList<>();
    for (int n = 0; n < clients.size(); n++) {
      for (String type : List.of(load.beforeType, load.afterType)) {
        String worker = "node" + (n + 1) + "-" + type;
        workers.add(
            clients
                .get(n)
                .newWorker()
                .jobType(type)
                .handler(ledger.handler(worker, job -> job.getKey() % 5 == 0))
                .name(worker)
                .maxJobsActive(16)
                .timeout(JOB_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .open());
      }
    }

    // when: instances are started through both nodes
    List<Long> instances = load.startInstances(clients, INSTANCES);

    // then: every instance completes
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> TimerJobLoad.completed(clients.get(1), definition) == INSTANCES);
    workers.forEach(JobWorker::close);
    TimerJobLoad.assertEveryInstanceRanEveryElementOnce(clients.get(0), definition, instances);

    // and: a job was activated again only once its previous activation had timed out (the
    // engine's activation time is its deadline minus the time-out the worker asked for)
    Map<Long, List<WorkLedger.Activation>> activations = ledger.activations();
    int reactivations = 0;
    for (List<WorkLedger.Activation> ofJob : activations.values()) {
      List<WorkLedger.Activation> inOrder =
          ofJob.stream().sorted(Comparator.comparingLong(WorkLedger.Activation::deadline)).toList();
      for (int i = 1; i < inOrder.size(); i++) {
        WorkLedger.Activation previous = inOrder.get(i - 1);
        WorkLedger.Activation next = inOrder.get(i);
        long activatedAt = next.deadline() - JOB_TIMEOUT.toMillis();
        // deadlines travel as epoch milliseconds, truncated: allow that millisecond
        assertThat(activatedAt)
            .as("activation of job %d by %s after %s's", next.jobKey(), next.worker(), previous)
            .isGreaterThanOrEqualTo(previous.deadline() - 1);
        reactivations++;
      }
    }
    long dropped = activations.keySet().stream().filter(key -> key % 5 == 0).count();
    assertThat(reactivations)
        .as("re-activations of dropped jobs")
        .isGreaterThanOrEqualTo((int) dropped);

    // and: each task had one job, completed once; the workers of both nodes took part
    for (long instance : instances) {
      for (String elementId : List.of(TimerJobLoad.BEFORE, TimerJobLoad.AFTER)) {
        WorkLedger.Task task = new WorkLedger.Task(instance, elementId);
        assertThat(ledger.jobKeys(task)).as("jobs of %s", task).hasSize(1);
        assertThat(ledger.accepted(task)).as("accepted completions of %s", task).isOne();
      }
    }
    for (String node : List.of("node1", "node2")) {
      assertThat(
              ledger.acceptedBy(node + "-" + load.beforeType)
                  + ledger.acceptedBy(node + "-" + load.afterType))
          .as("jobs completed through %s", node)
          .isPositive();
    }
    System.out.printf(
        "TwoNodesTest: %d instances, %d jobs activated, %d re-activated after a time-out, %d"
            + " completions rejected as already completed%n",
        INSTANCES, activations.size(), reactivations, ledger.totalRejected());
  }
}
