package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class DeploymentRepository {

  private final JdbcClient jdbc;

  public DeploymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long key, String tenantId, OffsetDateTime created) {
    jdbc.sql("INSERT INTO engine.deployment (key, tenant_id, created) VALUES (?,?,?)")
        .params(key, tenantId, created)
        .update();
  }

  /**
   * Serialises deployments (transaction-scoped advisory lock): versions are "latest + 1", and two
   * concurrent deployments of one process must not both pick the same number.
   */
  public void lockDeployments() {
    jdbc.sql("SELECT pg_advisory_xact_lock(7271001)").query().singleRow();
  }
}
