package io.partnerflow.app.qbr;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which review process runs for which plan version ({@code app.qbr_plan_run}). */
@Repository
class PlanRunRepository {

  record Run(long planId, long partnerId, int planVersion, long processInstanceKey) {}

  private final JdbcClient jdbc;

  PlanRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The plan's run, locked until the transaction ends, so two approvals start one process. */
  Optional<Run> lock(long planId) {
    return jdbc.sql(
            "SELECT plan_id, partner_id, plan_version, process_instance_key"
                + " FROM app.qbr_plan_run WHERE plan_id = :plan FOR UPDATE")
        .param("plan", planId)
        .query(
            (rs, row) ->
                new Run(
                    rs.getLong("plan_id"),
                    rs.getLong("partner_id"),
                    rs.getInt("plan_version"),
                    rs.getLong("process_instance_key")))
        .optional();
  }

  /**
   * Records the run of a plan version; a concurrent first approval of the same plan fails on the
   * primary key instead of starting a second process unnoticed.
   */
  void save(Run run, Instant now) {
    jdbc.sql(
            "INSERT INTO app.qbr_plan_run"
                + " (plan_id, partner_id, plan_version, process_instance_key, started_at)"
                + " VALUES (:plan, :partner, :version, :key, :now)"
                + " ON CONFLICT (plan_id) DO UPDATE SET plan_version = EXCLUDED.plan_version,"
                + " process_instance_key = EXCLUDED.process_instance_key,"
                + " started_at = EXCLUDED.started_at")
        .param("plan", run.planId())
        .param("partner", run.partnerId())
        .param("version", run.planVersion())
        .param("key", run.processInstanceKey())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
  }
}
