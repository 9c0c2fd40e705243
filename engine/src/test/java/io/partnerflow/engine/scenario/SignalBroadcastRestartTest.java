package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts interrupted by a failure and a restart: a thrown signal whose broadcast has not
 * happened when the engine stops (the throwing command committed it, its broadcast failed) is
 * broadcast once by a new engine on the same database; a broadcast whose database connection dies
 * half-way leaves nothing triggered, and the next one after a restart triggers each waiting
 * instance once. Nothing lost, nothing triggered twice. Uses its own database (RestartableEngine).
 */
class SignalBroadcastRestartTest {

  private final String database = "signal_" + UUID.randomUUID().toString().substring(0, 8);
  private final RestartableEngine engine = new RestartableEngine(database);

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void aThrownSignalThatWasNotBroadcastBeforeTheEngineStoppedIsBroadcastOnceAfterTheRestart()
      throws Exception {
    // given: an instance waiting for the signal, and a process that throws it
    CamundaClient client = engine.start();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("catcher")
                .startEvent()
                .intermediateCatchEvent("wait", e -> e.signal("launched"))
                .serviceTask("after", t -> t.zeebeJobType("after"))
                .endEvent()
                .done(),
            "catcher.bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess("thrower")
                .startEvent()
                .intermediateThrowEvent(
                    "announce",
                    e -> e.signal("launched").zeebeInputExpression("\"atlas\"", "product"))
                .endEvent()
                .done(),
            "thrower.bpmn")
        .send()
        .join();
    long catcher = start(client, "catcher");
    // every broadcast that would move the catcher on fails (and is rolled back) for now
    sql(
        "CREATE FUNCTION engine.refuse() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$");
    sql(
        "CREATE TRIGGER refuse BEFORE INSERT ON engine.element_instance FOR EACH ROW"
            + " WHEN (NEW.element_id = 'after') EXECUTE FUNCTION engine.refuse()");

    // when: the thrower passes its throw event and completes; the broadcast stays pending
    long thrower = start(client, "thrower");
    assertThat(state(client, thrower)).isEqualTo(ProcessInstanceState.COMPLETED);
    await()
        .during(Duration.ofMillis(600)) // the after-commit attempt and the scheduler's retries
        .atMost(Duration.ofSeconds(5))
        .until(() -> count("SELECT count(*) FROM engine.pending_signal") == 1);
    assertThat(history(client, catcher)).contains("wait ACTIVE").doesNotContain("wait COMPLETED");

    // and: the engine stops, the failure is repaired, a new engine starts on the same database
    engine.stop();
    sql("DROP TRIGGER refuse ON engine.element_instance");
    sql("DROP FUNCTION engine.refuse()");
    CamundaClient restarted = engine.start();

    // then: the new engine broadcasts the stored signal, once, with its variables
    List<ActivatedJob> jobs = awaitJobs(restarted, "after");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(catcher);
    assertThat(jobs.get(0).getVariablesAsMap()).containsEntry("product", "atlas");
    assertThat(count("SELECT count(*) FROM engine.pending_signal")).isZero();
    assertThat(history(restarted, catcher).stream().filter("wait COMPLETED"::equals)).hasSize(1);
    restarted.newCompleteCommand(jobs.get(0)).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> state(restarted, catcher) == ProcessInstanceState.COMPLETED);
    assertThat(
            restarted
                .newActivateJobsCommand()
                .jobType("after")
                .maxJobsToActivate(5)
                .requestTimeout(Duration.ofSeconds(1))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }

  @Test
  void aBroadcastWhoseConnectionDiesHalfWayTriggersNothingAndWorksAfterTheRestart()
      throws Exception {
    // given: three instances waiting; the broadcast will stall at the third one's next element
    CamundaClient client = engine.start();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("catcher")
                .startEvent()
                .intermediateCatchEvent("wait", e -> e.signal("launched"))
                .serviceTask("after", t -> t.zeebeJobType("after"))
                .endEvent()
                .done(),
            "catcher.bpmn")
        .send()
        .join();
    List<Long> waiting = List.of(start(client, "catcher"), start(client, "catcher"));
    long third = start(client, "catcher");
    sql(
        "CREATE FUNCTION engine.stall() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
    sql(
        ("CREATE TRIGGER stall BEFORE INSERT ON engine.element_instance FOR EACH ROW"
                + " WHEN (NEW.element_id = 'after' AND NEW.process_instance_key = %d)"
                + " EXECUTE FUNCTION engine.stall()")
            .formatted(third));

    // when: the broadcast has moved the first two on (uncommitted) and stalls at the third; its
    // database connection dies (as in a crash of the node or of the connection)
    var broadcast = client.newBroadcastSignalCommand().signalName("launched").send();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                            + " AND datname = current_database()")
                    == 1);
    assertThat(count("SELECT count(*) FROM engine.job WHERE type = 'after'")).isZero();
    sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
            + " AND datname = current_database()");
    assertThat(broadcast.toCompletableFuture())
        .failsWithin(Duration.ofSeconds(15))
        .withThrowableThat()
        .withMessageContaining("500");
    engine.stop();
    sql("DROP TRIGGER stall ON engine.element_instance");
    sql("DROP FUNCTION engine.stall()");
    CamundaClient restarted = engine.start();

    // then: nothing of the broadcast remains, every instance still waits
    List<Long> all = List.of(waiting.get(0), waiting.get(1), third);
    for (long key : all) {
      assertThat(history(restarted, key)).contains("wait ACTIVE").doesNotContain("wait COMPLETED");
    }
    assertThat(count("SELECT count(*) FROM engine.signal_subscription")).isEqualTo(3);

    // and: the next broadcast triggers each of them once
    restarted.newBroadcastSignalCommand().signalName("launched").send().join();
    List<ActivatedJob> jobs = awaitJobs(restarted, "after");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              jobs.addAll(
                  restarted
                      .newActivateJobsCommand()
                      .jobType("after")
                      .maxJobsToActivate(5)
                      .requestTimeout(Duration.ofMillis(500))
                      .send()
                      .join()
                      .getJobs());
              return jobs.size() >= 3;
            });
    assertThat(jobs.stream().map(ActivatedJob::getProcessInstanceKey))
        .containsExactlyInAnyOrderElementsOf(all);
    for (long key : all) {
      assertThat(history(restarted, key).stream().filter("wait COMPLETED"::equals)).hasSize(1);
    }
    assertThat(count("SELECT count(*) FROM engine.signal_subscription")).isZero();
  }

  private static long start(CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static ProcessInstanceState state(CamundaClient client, long key) {
    return client.newProcessInstanceGetRequest(key).send().join().getState();
  }

  private static List<String> history(CamundaClient client, long key) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(key))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items()
        .stream()
        .map((ElementInstance e) -> e.getElementId() + " " + e.getState())
        .toList();
  }

  private static List<ActivatedJob> awaitJobs(CamundaClient client, String type) {
    List<ActivatedJob> jobs = new java.util.ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(5)
                      .requestTimeout(Duration.ofSeconds(2))
                      .send()
                      .join()
                      .getJobs());
              return !jobs.isEmpty();
            });
    return jobs;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(database));
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String query) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
