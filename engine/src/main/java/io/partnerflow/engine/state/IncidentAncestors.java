package io.partnerflow.engine.state;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents of called instances as their calling instances see them (as Camunda 8 shows them): the
 * caller and each of its own callers "has an incident", and so has the call activity in each. One
 * row of {@code engine.incident_ancestor} per ancestor, written when the incident is raised;
 * whether the incident is still active is read from the incident itself.
 */
@EngineRepository
public class IncidentAncestors {

  /** SQL: an active incident in the instance {@code p} or in an instance it called. */
  public static final String HAS_INCIDENT_IN_TREE =
      "(EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = p.key"
          + " AND i.state = 'ACTIVE') OR EXISTS (SELECT 1 FROM engine.incident_ancestor ia"
          + " JOIN engine.incident i ON i.key = ia.incident_key"
          + " WHERE ia.process_instance_key = p.key AND i.state = 'ACTIVE'))";

  /**
   * SQL: as {@link #HAS_INCIDENT_IN_TREE}, uncorrelated, for filtering many instances: the
   * instances with active incidents are found once (hashed subplans), not probed per instance.
   */
  public static final String HAS_INCIDENT_IN_TREE_FILTER =
      "(p.key IN (SELECT i.process_instance_key FROM engine.incident i WHERE i.state = 'ACTIVE'"
          + " AND i.process_instance_key IS NOT NULL) OR p.key IN (SELECT ia.process_instance_key"
          + " FROM engine.incident_ancestor ia JOIN engine.incident i ON i.key = ia.incident_key"
          + " WHERE i.state = 'ACTIVE' AND ia.process_instance_key IS NOT NULL))";

  /** SQL: an active incident on the element instance {@code e} or in an instance it called. */
  public static final String ELEMENT_HAS_INCIDENT_IN_TREE =
      "(EXISTS (SELECT 1 FROM engine.incident i WHERE i.element_instance_key = e.key"
          + " AND i.state = 'ACTIVE') OR EXISTS (SELECT 1 FROM engine.incident_ancestor ia"
          + " JOIN engine.incident i ON i.key = ia.incident_key"
          + " WHERE ia.element_instance_key = e.key AND i.state = 'ACTIVE'))";

  private final JdbcClient jdbc;

  public IncidentAncestors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the incident for every instance above the called instance it was raised in. */
  public void record(long incidentKey, long calledProcessInstanceKey) {
    // each step up is a lookup by key (LATERAL, OFFSET 0): a generic plan cached while the table
    // was small must not be a hash join that scans engine.process_instance whole
    jdbc.sql(
            "INSERT INTO engine.incident_ancestor (incident_key, process_instance_key,"
                + " element_instance_key) WITH RECURSIVE up(process_instance_key,"
                + " element_instance_key) AS (SELECT parent_process_instance_key,"
                + " parent_element_instance_key FROM engine.process_instance WHERE key = ?"
                + " UNION ALL SELECT p.parent_process_instance_key, p.parent_element_instance_key"
                + " FROM up CROSS JOIN LATERAL (SELECT q.parent_process_instance_key,"
                + " q.parent_element_instance_key FROM engine.process_instance q"
                + " WHERE q.key = up.process_instance_key OFFSET 0) p)"
                + " SELECT ?, process_instance_key, element_instance_key FROM up"
                + " WHERE process_instance_key IS NOT NULL")
        .params(calledProcessInstanceKey, incidentKey)
        .update();
  }
}
