package io.partnerflow.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The number of open tasks per candidate group ({@code engine.user_task_open_group_count}) and per
 * process and candidate group ({@code engine.user_task_open_process_count}), so that the task
 * list's total of a large group, or of one process in it, is a sum over a few rows. A transaction's
 * changes are collected and written in one statement just before it commits, rows in one global
 * order: the counter rows are locked last and only for the commit, so they add no deadlock to the
 * engine's lock order and little waiting (the group table's rows first, then the process table's,
 * each in key order). Stripes by task key spread one group's commits over several rows. (The engine
 * uses no nested REQUIRES_NEW transactions, which would share the collected changes.)
 */
@Component
public class OpenGroupCounts {

  static final int STRIPES = 16;

  private final JdbcClient jdbc;

  public OpenGroupCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A task of the process and of these groups opened (+1) or ended / left them (-1). */
  public void change(String processId, List<String> groups, long taskKey, int delta) {
    if (groups.isEmpty()) {
      return;
    }
    Map<Row, Long> pending = pending();
    int stripe = (int) Math.floorMod(taskKey, (long) STRIPES);
    for (String group : groups) {
      pending.merge(new Row(processId, group, stripe), (long) delta, Long::sum);
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(pending);
    }
  }

  /** Open tasks that have this candidate group. */
  public long count(String group) {
    return jdbc.sql(
            "SELECT COALESCE(sum(open_tasks), 0) FROM engine.user_task_open_group_count"
                + " WHERE group_name = ?")
        .param(group)
        .query(Long.class)
        .single();
  }

  /** Open tasks of the process (its BPMN process id) that have this candidate group. */
  public long count(String processId, String group) {
    return jdbc.sql(
            "SELECT COALESCE(sum(open_tasks), 0) FROM engine.user_task_open_process_count"
                + " WHERE bpmn_process_id = ? AND group_name = ?")
        .params(processId, group)
        .query(Long.class)
        .single();
  }

  @SuppressWarnings("unchecked")
  private Map<Row, Long> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new TreeMap<>();
    }
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Map<Row, Long>) bound;
    }
    Map<Row, Long> pending = new TreeMap<>();
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            write(pending);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OpenGroupCounts.this);
          }
        });
    return pending;
  }

  private void write(Map<Row, Long> pending) {
    Map<Row, Long> byGroup = new TreeMap<>();
    pending.forEach(
        (row, delta) -> byGroup.merge(new Row("", row.group(), row.stripe()), delta, Long::sum));
    List<String> processes = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<Integer> stripes = new ArrayList<>();
    List<Long> deltas = new ArrayList<>();
    byGroup.forEach(
        (row, delta) -> {
          if (delta != 0) {
            groups.add(row.group());
            stripes.add(row.stripe());
            deltas.add(delta);
          }
        });
    if (!groups.isEmpty()) {
      jdbc.sql(
              "INSERT INTO engine.user_task_open_group_count AS c (group_name, stripe, open_tasks)"
                  + " SELECT g, s, d FROM unnest(CAST(? AS text[]), CAST(? AS integer[]),"
                  + " CAST(? AS bigint[])) AS u (g, s, d) ORDER BY g, s"
                  + " ON CONFLICT (group_name, stripe)"
                  + " DO UPDATE SET open_tasks = c.open_tasks + EXCLUDED.open_tasks")
          .params(
              groups.toArray(String[]::new),
              stripes.toArray(Integer[]::new),
              deltas.toArray(Long[]::new))
          .update();
    }
    groups.clear();
    stripes.clear();
    deltas.clear();
    pending.forEach(
        (row, delta) -> {
          if (delta != 0) {
            processes.add(row.process());
            groups.add(row.group());
            stripes.add(row.stripe());
            deltas.add(delta);
          }
        });
    pending.clear();
    if (!groups.isEmpty()) {
      jdbc.sql(
              "INSERT INTO engine.user_task_open_process_count AS c"
                  + " (bpmn_process_id, group_name, stripe, open_tasks)"
                  + " SELECT p, g, s, d FROM unnest(CAST(? AS text[]), CAST(? AS text[]),"
                  + " CAST(? AS integer[]), CAST(? AS bigint[])) AS u (p, g, s, d) ORDER BY p, g, s"
                  + " ON CONFLICT (bpmn_process_id, group_name, stripe)"
                  + " DO UPDATE SET open_tasks = c.open_tasks + EXCLUDED.open_tasks")
          .params(
              processes.toArray(String[]::new),
              groups.toArray(String[]::new),
              stripes.toArray(Integer[]::new),
              deltas.toArray(Long[]::new))
          .update();
    }
  }

  /** One counter row; ordered by process, group, then stripe (the order rows are locked in). */
  private record Row(String process, String group, int stripe) implements Comparable<Row> {
    @Override
    public int compareTo(Row other) {
      int byProcess = process.compareTo(other.process);
      if (byProcess != 0) {
        return byProcess;
      }
      int byGroup = group.compareTo(other.group);
      return byGroup != 0 ? byGroup : Integer.compare(stripe, other.stripe);
    }
  }
}
