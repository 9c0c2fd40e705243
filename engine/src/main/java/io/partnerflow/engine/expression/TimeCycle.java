package io.partnerflow.engine.expression;

import java.time.Instant;

/**
 * An ISO-8601 repeating interval, as a BPMN {@code timeCycle}: {@code R/PT1H} (unbounded), {@code
 * R3/PT10M} (three times), optionally with a start, {@code R3/2026-03-01T09:00:00Z/P1D}. The first
 * occurrence is at the start, or one interval after the moment the timer is scheduled; each next
 * one an interval after the previous one. Cron expressions are not supported.
 *
 * @param repetitions how often it fires; {@link #UNBOUNDED} for {@code R/...}
 * @param start the first occurrence, or null
 */
public record TimeCycle(int repetitions, Instant start, TimeValues.Interval interval) {

  public static final int UNBOUNDED = -1;

  /** Parses {@code R[n]/[start/]duration}; throws ExpressionException naming what is wrong. */
  public static TimeCycle parse(String text) {
    String value = text == null ? "" : text.strip();
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
    return new TimeCycle(repetitions, start, interval);
  }

  /** A FEEL result (text such as {@code "R3/PT1H"}) as a cycle. */
  public static TimeCycle toCycle(Object value) {
    if (value instanceof String text) {
      return parse(text);
    }
    throw new ExpressionException(
        "Expected a time cycle (ISO-8601 repeating interval, e.g. 'R3/PT1H'), but was '%s'"
            .formatted(value));
  }

  /** When it fires first, scheduled at {@code now}. */
  public Instant firstDue(Instant now) {
    return start != null ? start : interval.after(now);
  }

  /** The interval as ISO-8601 text, e.g. {@code P1DT2H}, as stored with a timer. */
  public String intervalText() {
    return intervalText(interval);
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
            + " 'R2/2026-03-01T09:00:00Z/P1D'), but was '%s'".formatted(text));
  }
}
