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
 * The number of open tasks per candidate group ({@code engine.user_task_open_group_count}), so that
 * the task list's total of a large group is a sum over a few rows. A transaction's changes are
 * collected and written in one statement just before it commits, rows in one global order: the
 * counter rows are locked last and only for the commit, so they add no deadlock to the engine's
 * lock order and little waiting. Stripes by task key spread one group's commits over several rows.
 * (The engine uses no nested REQUIRES_NEW transactions, which would share the collected changes.)
 */
@Component
public class OpenGroupCounts {

  static final int STRIPES = 16;

  private final JdbcClient jdbc;

  public OpenGroupCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A task of these groups opened (+1) or ended / left them (-1). */
  public void change(List<String> groups, long taskKey, int delta) {
    if (groups.isEmpty()) {
      return;
    }
    Map<Row, Long> pending = pending();
    int stripe = (int) Math.floorMod(taskKey, (long) STRIPES);
    for (String group : groups) {
      pending.merge(new Row(group, stripe), (long) delta, Long::sum);
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
    List<String> groups = new ArrayList<>();
    List<Integer> stripes = new ArrayList<>();
    List<Long> deltas = new ArrayList<>();
    pending.forEach(
        (row, delta) -> {
          if (delta != 0) {
            groups.add(row.group());
            stripes.add(row.stripe());
            deltas.add(delta);
          }
        });
    pending.clear();
    if (groups.isEmpty()) {
      return;
    }
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

  /** One counter row; ordered by group, then stripe (the order rows are locked in). */
  private record Row(String group, int stripe) implements Comparable<Row> {
    @Override
    public int compareTo(Row other) {
      int byGroup = group.compareTo(other.group);
      return byGroup != 0 ? byGroup : Integer.compare(stripe, other.stripe);
    }
  }
}
