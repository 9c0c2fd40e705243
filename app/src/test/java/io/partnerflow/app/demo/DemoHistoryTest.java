package io.partnerflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.base.DemoClock;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small demo history (12 applications) in the shared context: the records it leaves came through
 * the processes, spread over the year, and a second run does nothing. The history moves the shared
 * clocks and returns them to real time itself; the test checks that, and resets them whatever
 * happens.
 */
@PartnerflowTest
// the run first: the second test leaves the marker row behind
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryTest {

  @Autowired DemoHistory history;
  @Autowired DemoTime time;
  @Autowired DemoClock appClock;
  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    time.restore();
  }

  @Test
  @Order(1)
  void shouldRunAYearOfApplicationsThroughTheProcessesOnce() {
    // given: the repository's models are the latest (other tests deploy their own)
    deployments.deploy(deployments.configuredModels());
    Instant before = appClock.realInstant();

    // when
    boolean ran = history.run(12, 365);
    boolean ranAgain = history.run(12, 365);

    // then: the clocks are back to real time
    assertThat(ran).isTrue();
    assertThat(ranAgain).isFalse();
    assertThat(appClock.isShifted()).isFalse();
    assertThat(
            jdbc.sql("SELECT done, finished_at IS NOT NULL, failure FROM app.demo_history")
                .query((rs, row) -> List.of(rs.getInt(1), rs.getBoolean(2), "" + rs.getString(3)))
                .single())
        .containsExactly(12, true, "null");

    // every application went through the public form's service and its process
    List<Map<String, Object>> applications =
        jdbc.sql(
                "SELECT id, status, process_instance_key FROM app.application"
                    + " WHERE contact_email LIKE 'contact@%.example' ORDER BY id")
            .query()
            .listOfRows();
    assertThat(applications)
        .hasSize(12)
        .allSatisfy(row -> assertThat(row.get("process_instance_key")).isNotNull());
    Map<String, Long> byStatus =
        applications.stream()
            .collect(
                Collectors.groupingBy(row -> (String) row.get("status"), Collectors.counting()));
    assertThat(byStatus).containsKeys("APPROVED", "REJECTED");

    // reviews were completed by the demo managers, in the task list's way
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.audit_log WHERE action = 'TASK_COMPLETED'"
                        + " AND actor IN ('manager', 'lead') AND process_instance_key IN (:keys)")
                .param(
                    "keys",
                    applications.stream().map(row -> row.get("process_instance_key")).toList())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(byStatus.get("APPROVED") + byStatus.get("REJECTED"));

    // at least one approved partner signed its contract, which is in force
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.contract c JOIN app.partner p ON p.id = c.partner_id"
                        + " JOIN app.application a ON a.id = p.application_id"
                        + " WHERE a.contact_email LIKE 'contact@%.example'"
                        + " AND c.status = 'IN_FORCE'")
                .query(Long.class)
                .single())
        .isPositive();

    // and a partner agreed its joint business plan after signing: drafted, reviewed, signed off
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.business_plan_version v"
                        + " JOIN app.business_plan b ON b.id = v.plan_id"
                        + " JOIN app.partner p ON p.id = b.partner_id"
                        + " JOIN app.application a ON a.id = p.application_id"
                        + " WHERE a.contact_email LIKE 'contact@%.example'"
                        + " AND v.status = 'APPROVED'")
                .query(Long.class)
                .single())
        .isPositive();

    // the engine recorded the processes at the history's times: spread over the year
    List<OffsetDateTime> starts =
        applications.stream()
            .map(row -> ((Number) row.get("process_instance_key")).longValue())
            .map(key -> client.newProcessInstanceGetRequest(key).send().join().getStartDate())
            .map(DemoHistoryTest::dateOf)
            .sorted()
            .toList();
    OffsetDateTime first = starts.get(0);
    OffsetDateTime last = starts.get(starts.size() - 1);
    assertThat(Duration.between(first.toInstant(), before)).isGreaterThan(Duration.ofDays(120));
    assertThat(Duration.between(first, last)).isGreaterThan(Duration.ofDays(90));
    assertThat(last.toInstant()).isBefore(before);

    // and so did the app's own records, which the dashboards read
    Map<String, Object> span =
        jdbc.sql(
                "SELECT min(a.created_at) AS first, max(e.created_at) AS last"
                    + " FROM app.application a JOIN app.application_event e"
                    + " ON e.application_id = a.id WHERE a.contact_email LIKE 'contact@%.example'")
            .query()
            .singleRow();
    Instant firstRecord = ((java.sql.Timestamp) span.get("first")).toInstant();
    Instant lastRecord = ((java.sql.Timestamp) span.get("last")).toInstant();
    assertThat(Duration.between(firstRecord, before)).isGreaterThan(Duration.ofDays(120));
    assertThat(lastRecord).isBefore(before);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM app.contract c JOIN app.partner p ON p.id = c.partner_id"
                        + " JOIN app.application a ON a.id = p.application_id"
                        + " WHERE a.contact_email LIKE 'contact@%.example'"
                        + " AND c.in_force_at < :before AND c.in_force_at > a.created_at")
                .param("before", java.sql.Timestamp.from(before))
                .query(Long.class)
                .single())
        .isPositive();

    // and the channel dashboard's reporting rows followed them, written with those records
    String demo =
        " FROM app.application_journey j JOIN app.application a ON a.id = j.application_id"
            + " WHERE a.contact_email LIKE 'contact@%.example'";
    assertThat(
            jdbc.sql("SELECT count(*)" + demo + " AND j.submitted_at = a.created_at")
                .query(Long.class)
                .single())
        .isEqualTo(12);
    assertThat(
            jdbc.sql("SELECT count(*)" + demo + " AND j.signed_at IS NOT NULL")
                .query(Long.class)
                .single())
        .isPositive()
        .isEqualTo(
            jdbc.sql(
                    "SELECT count(DISTINCT a.id) FROM app.contract c"
                        + " JOIN app.partner p ON p.id = c.partner_id"
                        + " JOIN app.application a ON a.id = p.application_id"
                        + " WHERE a.contact_email LIKE 'contact@%.example'"
                        + " AND c.in_force_at IS NOT NULL")
                .query(Long.class)
                .single());
  }

  @Test
  @Order(2)
  void shouldReturnTheClocksToRealTimeAfterARunCutShortByAShutdown() {
    // given: a run that stopped halfway, its engine clock left in the past (it survives restarts)
    jdbc.sql(
            "INSERT INTO app.demo_history (id, applications, started_at) VALUES (1, 12, now())"
                + " ON CONFLICT (id) DO UPDATE SET finished_at = NULL, failure = NULL")
        .update();
    String failureBefore = failure();
    time.moveTo(appClock.realInstant().minus(Duration.ofDays(200)));

    // when: the next start
    history.onFirstStart();

    // then
    assertThat(failureBefore).isNull();
    assertThat(failure()).isEqualTo("interrupted by a shutdown");
    assertThat(appClock.isShifted()).isFalse();
    assertThat(
            jdbc.sql("SELECT count(*) FROM engine.clock WHERE pinned_epoch_millis IS NOT NULL")
                .query(Long.class)
                .single())
        .isZero();
  }

  private String failure() {
    return jdbc.sql("SELECT failure FROM app.demo_history WHERE finished_at IS NOT NULL")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static OffsetDateTime dateOf(Object value) {
    return value instanceof OffsetDateTime date ? date : OffsetDateTime.parse(value.toString());
  }
}
