package io.partnerflow.app.tasklist.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * A due date as people say it: "in 2 days", "3 hours overdue". Minutes under an hour, hours under
 * two days, days beyond; the message key picks the wording and the singular or plural form.
 *
 * @param key translation key, e.g. {@code tasklist.relative.overdue.hours.other}
 * @param amount the number the message shows
 */
record RelativeDue(String key, long amount, boolean overdue) {

  static RelativeDue of(Instant due, Instant now) {
    Duration left = Duration.between(now, due);
    boolean overdue = left.isNegative();
    Duration size = left.abs();
    String unit;
    long amount;
    if (size.toMinutes() < 1) {
      return new RelativeDue("tasklist.relative.now", 0, overdue);
    } else if (size.toHours() < 1) {
      unit = "minutes";
      amount = size.toMinutes();
    } else if (size.toHours() < 48) {
      unit = "hours";
      amount = size.toHours();
    } else {
      unit = "days";
      amount = size.toDays();
    }
    String key =
        "tasklist.relative."
            + (overdue ? "overdue" : "in")
            + "."
            + unit
            + "."
            + (amount == 1 ? "one" : "other");
    return new RelativeDue(key, amount, overdue);
  }
}
