package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentRepository {

  private final JdbcClient jdbc;

  public IncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(IncidentRecord i, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.incident (key, process_instance_key, element_instance_key,"
                + " element_id, process_definition_key, bpmn_process_id, job_key, error_type,"
                + " error_message, state, tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            i.key(),
            i.processInstanceKey(),
            i.elementInstanceKey(),
            i.elementId(),
            i.processDefinitionKey(),
            i.bpmnProcessId(),
            i.jobKey(),
            i.errorType(),
            i.errorMessage(),
            i.state(),
            i.tenantId(),
            created)
        .update();
  }

  /** Resolves the open incidents of an element instance (it was terminated or completed). */
  public void resolveForElement(long elementInstanceKey) {
    jdbc.sql(
            "UPDATE engine.incident SET state = 'RESOLVED' WHERE element_instance_key = ?"
                + " AND state = 'ACTIVE'")
        .param(elementInstanceKey)
        .update();
  }
}
