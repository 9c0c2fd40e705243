package io.partnerflow.app.tasklist;

import java.util.Comparator;

/**
 * The list's order for tasks merged in the app (the company filter): the engine's order by the same
 * field, tasks without a value last, ties by key.
 */
final class TaskOrder {

  private TaskOrder() {}

  static Comparator<TaskSummary> of(TaskQuery query) {
    Comparator<TaskSummary> field =
        switch (query.sort()) {
          case CREATED -> Comparator.comparing(TaskSummary::created, nullsLast(query));
          case DUE -> Comparator.comparing(TaskSummary::due, nullsLast(query));
          case PRIORITY -> Comparator.comparing(TaskSummary::priority, nullsLast(query));
        };
    return field.thenComparingLong(TaskSummary::key);
  }

  private static <T extends Comparable<? super T>> Comparator<T> nullsLast(TaskQuery query) {
    Comparator<T> natural = Comparator.naturalOrder();
    return Comparator.nullsLast(query.descending() ? natural.reversed() : natural);
  }
}
