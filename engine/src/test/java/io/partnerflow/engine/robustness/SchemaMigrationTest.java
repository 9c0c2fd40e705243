package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.scenario.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node killed with SIGKILL while it migrates the engine schema leaves Liquibase's lock taken; the
 * next node must still start (Liquibase alone would wait five minutes for the lock and then fail)
 * and finish the migration.
 */
class SchemaMigrationTest {

  private EngineNode node;

  @AfterEach
  void killNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldStartAfterANodeWasKilledWhileMigrating() throws Exception {
    // given: a node starting on an empty database, killed while it holds Liquibase's lock
    String jdbcUrl =
        EmbeddedDatabase.jdbcUrl(
            "robust_migration_" + UUID.randomUUID().toString().substring(0, 8));
    node = new EngineNode("migration", jdbcUrl, EngineNode.freePort());
    node.start();
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      awaitChangelogLockTaken(connection, Duration.ofSeconds(90));
    }
    assertThat(node.kill()).isEqualTo(EngineNode.KILLED_BY_SIGKILL);

    // when: a node starts again on that database
    node.start();
    node.awaitReady(Duration.ofSeconds(60));

    // then: the schema is complete and the engine works
    CamundaClient client = node.newClient();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("migrated")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType("migrated-work"))
                .endEvent()
                .done(),
            "migrated.bpmn")
        .send()
        .join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("migrated")
            .latestVersion()
            .variables(Map.of())
            .send()
            .join()
            .getProcessInstanceKey();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType("migrated-work")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(instance);
  }

  /** Polls until Liquibase's lock row says locked (the table may not exist yet). */
  private static void awaitChangelogLockTaken(Connection connection, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Statement statement = connection.createStatement();
          ResultSet locked =
              statement.executeQuery(
                  "SELECT locked FROM engine.databasechangeloglock WHERE locked")) {
        if (locked.next()) {
          return;
        }
      } catch (SQLException e) {
        // the schema or the lock table does not exist yet
      }
      Thread.sleep(2);
    }
    throw new AssertionError("The node never took Liquibase's lock within " + timeout);
  }
}
