package io.partnerflow.engine.expression;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A BPMN {@code timeCycle}, as Camunda 8 accepts it: an ISO-8601 repeating interval — {@code
 * R/PT1H} (unbounded), {@code R3/PT10M} (three times), optionally with a start, {@code
 * R3/2026-03-01T09:00:00Z/P1D} — or a cron expression in Spring's syntax (six fields, seconds
 * first, e.g. {@code 0 0 9 * * MON-FRI}, or a macro such as {@code @daily}), evaluated in UTC as
 * Camunda does, unbounded. An interval's first occurrence is at the start, or one interval after
 * the moment the timer is scheduled, each next one an interval after the previous one; a cron's
 * occurrences are the instants it matches after that moment.
 *
 * @param repetitions how often it fires; {@link #UNBOUNDED} for {@code R/...} and cron
 * @param start the first occurrence, or null
 * @param interval the ISO-8601 interval; null for a cron cycle
 * @param cron the cron expression; null for an ISO-8601 cycle
 */
public record TimeCycle(
    int repetitions, Instant start, TimeValues.Interval interval, CronExpression cron) {

  public static final int UNBOUNDED = -1;

  /**
   * Parses {@code R[n]/[start/]duration} or a cron expression; throws ExpressionException naming
   * what is wrong.
   */
  public static TimeCycle parse(String text) {
    String value = text == null ? "" : text.strip();
    if (!value.startsWith("R")) {
      return new TimeCycle(UNBOUNDED, null, null, cron(text, value));
    }
    String[] parts = value.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
      throw invalid(text);
    }
    int repetitions;
    try {
      repetitions = parts[0].length() == 1 ? UNBOUNDED : Integer.parseInt(parts[0].substring(1));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (repetitions == 0 || repetitions < UNBOUNDED) {
      throw invalid(text);
    }
    Instant start = parts.length == 3 ? TimeValues.parseDateTime(parts[1]) : null;
    TimeValues.Interval interval;
    try {
      interval = TimeValues.parseDuration(parts[parts.length - 1]);
    } catch (ExpressionException e) {
      throw invalid(text);
    }
    if (interval.period().isZero() && interval.duration().isZero()) {
      throw invalid(text);
    }
    return new TimeCycle(repetitions, start, interval, null);
  }

  private static CronExpression cron(String text, String value) {
    CronExpression cron;
    try {
      cron = CronExpression.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(text);
    }
    if (cron.next(ZonedDateTime.now(ZoneOffset.UTC)) == null) {
      throw new ExpressionException(
          "Expected a time cycle, but the cron expression '%s' never matches".formatted(text));
    }
    return cron;
  }

  /** A FEEL result (text such as {@code "R3/PT1H"}) as a cycle. */
  public static TimeCycle toCycle(Object value) {
    if (value instanceof String text) {
      return parse(text);
    }
    throw new ExpressionException(
        "Expected a time cycle (ISO-8601 repeating interval, e.g. 'R3/PT1H', or cron), but was '%s'"
            .formatted(value));
  }

  /** When it fires first, scheduled at {@code now}. */
  public Instant firstDue(Instant now) {
    return start != null ? start : nextAfter(now);
  }

  /** The occurrence after {@code previous}: one interval later, or the cron's next match. */
  public Instant nextAfter(Instant previous) {
    if (cron == null) {
      return interval.after(previous);
    }
    ZonedDateTime next = cron.next(previous.atZone(ZoneOffset.UTC));
    // a cron that matched once matches again (it was checked to match at parsing); guard anyway
    return next == null ? Instant.MAX : next.toInstant();
  }

  /**
   * What leads from one occurrence to the next, as stored with a timer ({@code cycle_interval}):
   * the interval as ISO-8601 text, e.g. {@code P1DT2H}, or the cron expression; read back by {@link
   * #nextAfter(String, Instant)}.
   */
  public String stepText() {
    return cron != null ? cron.toString() : intervalText(interval);
  }

  /** The occurrence after {@code previous} for a stored {@link #stepText()}. */
  public static Instant nextAfter(String stepText, Instant previous) {
    if (stepText.startsWith("P")) {
      return TimeValues.parseDuration(stepText).after(previous);
    }
    return new TimeCycle(UNBOUNDED, null, null, cron(stepText, stepText)).nextAfter(previous);
  }

  public static String intervalText(TimeValues.Interval interval) {
    String period = interval.period().isZero() ? "" : interval.period().toString();
    String time = interval.duration().isZero() ? "" : interval.duration().toString();
    if (period.isEmpty()) {
      return time;
    }
    return time.isEmpty() ? period : period + time.substring(1);
  }

  private static ExpressionException invalid(String text) {
    return new ExpressionException(
        "Expected a time cycle as ISO-8601 repeating interval ('R/PT1H', 'R3/PT10M',"
            + " 'R2/2026-03-01T09:00:00Z/P1D') or cron expression ('0 0 9 * * MON-FRI'), but was"
            + " '%s'".formatted(text));
  }
}
