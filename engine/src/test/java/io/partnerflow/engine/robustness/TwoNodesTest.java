package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.partnerflow.engine.scenario.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two engine nodes (child JVMs, both with their scheduler on) on one fresh database, started at the
 * same time (so their schema migrations meet), under a load with workers on both nodes: no job is
 * active at two workers at once, every timer fires once, every instance completes. Then one node is
 * killed in the middle of a load and the other carries on with its timers and jobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

  private static final int INSTANCES = 200;
  private static final Duration TIMER = Duration.ofSeconds(1);
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final List<String> TASKS = List.of(TimerJobLoad.BEFORE, TimerJobLoad.AFTER);

  private final List<EngineNode> nodes = new ArrayList<>();
  private final List<JobWorker> workers = new ArrayList<>();
  private final QuietLogger pollerLog = new QuietLogger("io.camunda.client.job.poller");

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

  @AfterEach
  void closeWorkers() {
    workers.forEach(JobWorker::close);
    workers.clear();
  }

  @AfterAll
  void killNodes() {
    pollerLog.restore();
    nodes.forEach(EngineNode::close);
  }

  @Test
  @Order(1)
  void shouldNeverHaveAJobActiveAtTwoWorkersAndFireEachTimerOnce() throws Exception {
    // given: workers for both job types on both nodes; every fifth job is dropped the first time,
    // as by a worker that crashed, and comes back after its time-out
    List<CamundaClient> clients = nodes.stream().map(EngineNode::newClient).toList();
    TimerJobLoad load = new TimerJobLoad("nodes");
    long definition = load.deploy(clients.get(0), TIMER);
    WorkLedger ledger = new WorkLedger();
    openWorkers(clients, load, ledger, job -> job.getKey() % 5 == 0);

    // when: instances are started through both nodes
    List<Long> instances = load.startInstances(clients, INSTANCES);

    // then: every instance completes, each element once
    awaitCompleted(clients.get(1), definition, INSTANCES);
    TimerJobLoad.assertEveryInstanceRanEveryElementOnce(clients.get(0), definition, instances);

    // and: a job was activated again only after its previous activation had timed out
    int reactivations = ledger.assertActivatedAgainOnlyAfterDeadline(JOB_TIMEOUT);
    int dropped = (int) ledger.activations().keySet().stream().filter(key -> key % 5 == 0).count();
    assertThat(reactivations).as("re-activations of dropped jobs").isGreaterThanOrEqualTo(dropped);

    // and: each task had one job, completed once; the workers of both nodes took part
    ledger.assertEachTaskHadOneJobCompletedOnce(instances, TASKS);
    assertThat(ledger.totalUncertain()).as("completions without an answer").isZero();
    for (String node : List.of("node1", "node2")) {
      assertThat(
              ledger.acceptedBy(node + "-" + load.beforeType)
                  + ledger.acceptedBy(node + "-" + load.afterType))
          .as("jobs completed through %s", node)
          .isPositive();
    }
    System.out.printf(
        "TwoNodesTest: %d instances, %d jobs, %d re-activated after a time-out, %d completions"
            + " rejected as already completed%n",
        INSTANCES, ledger.activations().size(), reactivations, ledger.totalRejected());
  }

  @Test
  @Order(2)
  void shouldCarryOnWithTheTimersAndJobsOfANodeThatWasKilled() throws Exception {
    // given: a load started through both nodes, worked on by workers on both
    List<CamundaClient> clients = nodes.stream().map(EngineNode::newClient).toList();
    TimerJobLoad load = new TimerJobLoad("failover");
    long definition = load.deploy(clients.get(0), TIMER);
    WorkLedger ledger = new WorkLedger();
    openWorkers(clients, load, ledger, job -> false);
    List<Long> instances = load.startInstances(clients, INSTANCES / 2);

    // when: node 2 is killed with SIGKILL in the middle
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ledger.acceptedOf(TimerJobLoad.AFTER) >= INSTANCES / 20);
    pollerLog.quiet(); // node 2's workers fail to poll from now on: one stack trace each
    assertThat(nodes.get(1).kill()).isEqualTo(EngineNode.KILLED_BY_SIGKILL);
    int doneAtKill = ledger.acceptedOf(TimerJobLoad.AFTER);
    assertThat(doneAtKill).as("instances done when node 2 was killed").isLessThan(INSTANCES / 2);

    // then: node 1 alone completes every instance: it fires the timers node 2 would have fired and
    // hands out again, after their time-out, the jobs node 2's workers held
    awaitCompleted(clients.get(0), definition, INSTANCES / 2);
    TimerJobLoad.assertEveryInstanceRanEveryElementOnce(clients.get(0), definition, instances);
    ledger.assertActivatedAgainOnlyAfterDeadline(JOB_TIMEOUT);
    ledger.assertEachTaskHadOneJobCompletedOnce(instances, TASKS);
    System.out.printf(
        "TwoNodesTest: %d instances, %d done when node 2 was killed, %d completions unanswered%n",
        INSTANCES / 2, doneAtKill, ledger.totalUncertain());
  }

  private void openWorkers(
      List<CamundaClient> clients,
      TimerJobLoad load,
      WorkLedger ledger,
      Predicate<ActivatedJob> drop) {
    for (int n = 0; n < clients.size(); n++) {
      for (String type : List.of(load.beforeType, load.afterType)) {
        String worker = "node" + (n + 1) + "-" + type;
        workers.add(
            clients
                .get(n)
                .newWorker()
                .jobType(type)
                .handler(ledger.handler(worker, drop))
                .name(worker)
                .maxJobsActive(16)
                .timeout(JOB_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .open());
      }
    }
  }

  private static void awaitCompleted(CamundaClient client, long definition, int instances) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> TimerJobLoad.completed(client, definition) == instances);
  }
}
