package io.partnerflow.app.dashboard;

import io.partnerflow.app.tasklist.TaskSummary;
import java.util.List;
import java.util.Map;

/**
 * The open tasks of the user's groups by when they are due, and the most urgent of them.
 *
 * @param byDue counts in the order of {@link DueBucket}
 * @param capped whether there were more open tasks than were read (the counts are then a floor)
 */
public record TaskLoad(Map<DueBucket, Long> byDue, List<TaskSummary> urgent, boolean capped) {

  public long overdue() {
    return byDue.getOrDefault(DueBucket.OVERDUE, 0L);
  }

  public long total() {
    return byDue.values().stream().mapToLong(Long::longValue).sum();
  }
}
