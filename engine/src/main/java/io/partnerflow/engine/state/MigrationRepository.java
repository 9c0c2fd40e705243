package io.partnerflow.engine.state;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a process instance migration: rows that name an element or the definition of a
 * running instance are pointed at the target definition's elements, keeping their keys and
 * everything else (assignee, due dates, job state, correlation keys). Ended rows (history) keep
 * what they were created with.
 */
@EngineRepository
public class MigrationRepository {

  /** What an element instance waits for: a timer, a message or a signal subscription it holds. */
  public enum WaitKind {
    TIMER,
    MESSAGE,
    SIGNAL
  }

  /** One open wait (a row of timer, message_subscription or signal_subscription) by its key. */
  public record HeldWait(WaitKind kind, long key, String elementId) {}

  private final JdbcClient jdbc;

  public MigrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The open timers and subscriptions that the element instance holds, oldest first. */
  public List<HeldWait> heldWaits(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT 'TIMER' AS kind, key, element_id FROM engine.timer"
                + " WHERE element_instance_key = :owner AND state = 'CREATED'"
                + " UNION ALL SELECT 'MESSAGE', key, element_id FROM engine.message_subscription"
                + " WHERE element_instance_key = :owner AND state = 'WAITING'"
                + " UNION ALL SELECT 'SIGNAL', key, element_id FROM engine.signal_subscription"
                + " WHERE element_instance_key = :owner ORDER BY key")
        .param("owner", elementInstanceKey)
        .query(
            (rs, row) ->
                new HeldWait(
                    WaitKind.valueOf(rs.getString("kind")),
                    rs.getLong("key"),
                    rs.getString("element_id")))
        .list();
  }

  /** The joining gateways of the instance at which tokens wait for other incoming flows. */
  public List<String> waitingJoins(long processInstanceKey) {
    return jdbc.sql(
            "SELECT DISTINCT element_id FROM engine.join_token WHERE process_instance_key = ?"
                + " ORDER BY element_id")
        .param(processInstanceKey)
        .query(String.class)
        .list();
  }

  /** Whether a listener job (execution or task listener) of the element instance is still open. */
  public boolean hasOpenListenerJob(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.job WHERE element_instance_key = ?"
                + " AND kind <> 'BPMN_ELEMENT'"
                + " AND state IN ('ACTIVATABLE', 'ACTIVATED', 'FAILED'))")
        .param(elementInstanceKey)
        .query(Boolean.class)
        .single();
  }

  /** Whether the element instance's user task is in a transition that waits for listeners. */
  public boolean hasUserTaskTransition(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.user_task_transition t"
                + " JOIN engine.user_task u ON u.key = t.user_task_key"
                + " WHERE u.element_instance_key = ?)")
        .param(elementInstanceKey)
        .query(Boolean.class)
        .single();
  }

  public void migrateProcessInstance(
      long key, long processDefinitionKey, String bpmnProcessId, int version) {
    jdbc.sql(
            "UPDATE engine.process_instance SET process_definition_key = ?, bpmn_process_id = ?,"
                + " version = ? WHERE key = ?")
        .params(processDefinitionKey, bpmnProcessId, version, key)
        .update();
    // a message-started instance stays the one instance of its correlation key, now by the
    // target's process id
    jdbc.sql(
            "UPDATE engine.message_start_instance SET bpmn_process_id = ? WHERE process_instance_key = ?")
        .params(bpmnProcessId, key)
        .update();
  }

  public void migrateElementInstance(long key, String elementId, String elementName) {
    jdbc.sql("UPDATE engine.element_instance SET element_id = ?, element_name = ? WHERE key = ?")
        .params(elementId, elementName, key)
        .update();
  }

  /**
   * The element instance's own open job (not listener jobs, which block a migration): element and
   * definition change, the job type stays, as in Camunda.
   */
  public void migrateJobs(
      long elementInstanceKey,
      String elementId,
      long processDefinitionKey,
      String bpmnProcessId,
      int version) {
    jdbc.sql(
            "UPDATE engine.job SET element_id = ?, process_definition_key = ?, bpmn_process_id = ?,"
                + " process_definition_version = ? WHERE element_instance_key = ?"
                + " AND kind = 'BPMN_ELEMENT' AND state IN ('ACTIVATABLE', 'ACTIVATED', 'FAILED')")
        .params(elementId, processDefinitionKey, bpmnProcessId, version, elementInstanceKey)
        .update();
  }

  /** The element instance's open user task: its key, assignee, candidates and dates stay. */
  public void migrateUserTask(
      long elementInstanceKey,
      String elementId,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String processName) {
    jdbc.sql(
            "UPDATE engine.user_task SET element_id = ?, process_definition_key = ?,"
                + " bpmn_process_id = ?, process_definition_version = ?, process_name = ?"
                + " WHERE element_instance_key = ? AND state NOT IN ('COMPLETED', 'CANCELED')")
        .params(
            elementId,
            processDefinitionKey,
            bpmnProcessId,
            version,
            processName,
            elementInstanceKey)
        .update();
  }

  /** The element instance's open incidents: resolving one retries it in the target definition. */
  public void migrateIncidents(
      long elementInstanceKey, String elementId, long processDefinitionKey, String bpmnProcessId) {
    jdbc.sql(
            "UPDATE engine.incident SET element_id = ?, process_definition_key = ?,"
                + " bpmn_process_id = ? WHERE element_instance_key = ? AND state = 'ACTIVE'")
        .params(elementId, processDefinitionKey, bpmnProcessId, elementInstanceKey)
        .update();
  }

  /** An open wait now waits for the target's event {@code elementId}; due date, names stay. */
  public void migrateWait(
      HeldWait wait, String elementId, long processDefinitionKey, String bpmnProcessId) {
    switch (wait.kind()) {
      case TIMER ->
          jdbc.sql(
                  "UPDATE engine.timer SET element_id = ?, process_definition_key = ? WHERE key = ?")
              .params(elementId, processDefinitionKey, wait.key())
              .update();
      case MESSAGE ->
          jdbc.sql(
                  "UPDATE engine.message_subscription SET element_id = ?,"
                      + " process_definition_key = ?, bpmn_process_id = ? WHERE key = ?")
              .params(elementId, processDefinitionKey, bpmnProcessId, wait.key())
              .update();
      case SIGNAL ->
          jdbc.sql(
                  "UPDATE engine.signal_subscription SET element_id = ?,"
                      + " process_definition_key = ?, bpmn_process_id = ? WHERE key = ?")
              .params(elementId, processDefinitionKey, bpmnProcessId, wait.key())
              .update();
    }
  }
}
