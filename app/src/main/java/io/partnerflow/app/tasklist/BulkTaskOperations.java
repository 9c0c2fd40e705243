package io.partnerflow.app.tasklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * One action for many selected tasks: each task is checked and changed on its own ({@link
 * TaskAssignments}), so one refused task does not stop the others; the result says per task whether
 * it was done and, if not, why.
 */
@Service
@StaffTasks
public class BulkTaskOperations {

  /** The most tasks one bulk action takes (a page of the list). */
  public static final int MAX_TASKS = 200;

  private final TaskAssignments assignments;

  BulkTaskOperations(TaskAssignments assignments) {
    this.assignments = assignments;
  }

  public List<BulkOutcome> claim(Collection<Long> keys) {
    return each(keys, assignments::claim);
  }

  public List<BulkOutcome> unclaim(Collection<Long> keys) {
    return each(keys, assignments::unclaim);
  }

  public List<BulkOutcome> assign(Collection<Long> keys, String assignee) {
    return each(keys, key -> assignments.assign(key, assignee));
  }

  public List<BulkOutcome> changeDue(Collection<Long> keys, LocalDate day) {
    return each(keys, key -> assignments.changeDue(key, day));
  }

  public List<BulkOutcome> changePriority(Collection<Long> keys, int priority) {
    return each(keys, key -> assignments.changePriority(key, priority));
  }

  private static List<BulkOutcome> each(Collection<Long> keys, LongConsumer action) {
    if (keys.size() > MAX_TASKS) {
      throw new TaskActionRefusedException("tasklist.refused.tooMany");
    }
    List<BulkOutcome> outcomes = new ArrayList<>();
    for (long key : keys.stream().distinct().toList()) {
      outcomes.add(new BulkOutcome(key, reasonOf(() -> action.accept(key))));
    }
    return List.copyOf(outcomes);
  }

  private static String reasonOf(Runnable action) {
    try {
      action.run();
      return null;
    } catch (TaskActionRefusedException refused) {
      return refused.getMessage();
    } catch (AccessDeniedException hidden) {
      // missing or outside the user's groups: the same answer for both
      return "tasklist.refused.noSuchTask";
    } catch (RuntimeException failed) {
      return "tasklist.refused.failed";
    }
  }
}
