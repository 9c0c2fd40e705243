package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * User task transitions that wait for task listeners (table engine.user_task_transition), and the
 * task changes they make when they end: the state (CREATING, ASSIGNING, ... while listeners run)
 * and the corrected attributes. Open tasks of candidate groups are kept in user_task_open_group
 * only while the task is CREATED.
 */
@EngineRepository
public class UserTaskTransitionRepository {

  private final JdbcClient jdbc;

  public UserTaskTransitionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UserTaskTransitionRecord t) {
    jdbc.sql(
            "INSERT INTO engine.user_task_transition (user_task_key, event_type, previous_state,"
                + " action, requested, changes, payload, next_listener)"
                + " VALUES (?,?,?,?,?,?,?,?)")
        .params(
            t.userTaskKey(),
            t.eventType(),
            t.previousState(),
            t.action(),
            t.changesJson(),
            t.changesJson(),
            t.payloadJson(),
            t.nextListener())
        .update();
  }

  public Optional<UserTaskTransitionRecord> find(long userTaskKey) {
    return jdbc.sql(
            "SELECT user_task_key, event_type, previous_state, action, changes, payload,"
                + " next_listener FROM engine.user_task_transition WHERE user_task_key = ?")
        .param(userTaskKey)
        .query(
            (rs, row) ->
                new UserTaskTransitionRecord(
                    rs.getLong("user_task_key"),
                    rs.getString("event_type"),
                    rs.getString("previous_state"),
                    rs.getString("action"),
                    rs.getString("changes"),
                    rs.getString("payload"),
                    rs.getInt("next_listener")))
        .optional();
  }

  /** The next listener runs, with the changes corrected so far. */
  public void advance(long userTaskKey, String changesJson, int nextListener) {
    jdbc.sql(
            "UPDATE engine.user_task_transition SET changes = ?, next_listener = ?"
                + " WHERE user_task_key = ?")
        .params(changesJson, nextListener, userTaskKey)
        .update();
  }

  /** The transition starts again from its first listener, without the corrections so far. */
  public void restart(long userTaskKey) {
    jdbc.sql(
            "UPDATE engine.user_task_transition SET changes = requested, next_listener = 0"
                + " WHERE user_task_key = ?")
        .param(userTaskKey)
        .update();
  }

  public void delete(long userTaskKey) {
    jdbc.sql("DELETE FROM engine.user_task_transition WHERE user_task_key = ?")
        .param(userTaskKey)
        .update();
  }

  /** The newest task of a user task element instance. */
  public Optional<Long> taskOfElement(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT key FROM engine.user_task WHERE element_instance_key = ?"
                + " ORDER BY key DESC LIMIT 1")
        .param(elementInstanceKey)
        .query(Long.class)
        .optional();
  }

  /** Sets the task's state; an ended state (COMPLETED, CANCELED) with its end date. */
  public void setState(long userTaskKey, String state, OffsetDateTime endDate) {
    jdbc.sql("UPDATE engine.user_task SET state = ?, completion_date = ? WHERE key = ?")
        .params(state, endDate, userTaskKey)
        .update();
    refreshOpenGroups(userTaskKey);
  }

  /** Writes the attributes a transition set (and its listeners corrected). */
  public void apply(
      long userTaskKey,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      OffsetDateTime dueDate,
      OffsetDateTime followUpDate,
      int priority) {
    jdbc.sql(
            "UPDATE engine.user_task SET assignee = ?, candidate_groups = ?, candidate_users = ?,"
                + " due_date = ?, follow_up_date = ?, priority = ? WHERE key = ?")
        .params(
            assignee,
            candidateGroups.toArray(String[]::new),
            candidateUsers.toArray(String[]::new),
            dueDate,
            followUpDate,
            priority,
            userTaskKey)
        .update();
    refreshOpenGroups(userTaskKey);
  }

  private void refreshOpenGroups(long userTaskKey) {
    jdbc.sql("DELETE FROM engine.user_task_open_group WHERE task_key = ?")
        .param(userTaskKey)
        .update();
    jdbc.sql(
            "INSERT INTO engine.user_task_open_group (group_name, task_key)"
                + " SELECT DISTINCT unnest(candidate_groups), key FROM engine.user_task"
                + " WHERE key = ? AND state = 'CREATED'")
        .param(userTaskKey)
        .update();
  }
}
