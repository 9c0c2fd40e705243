package io.partnerflow.engine.expression;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * Timer values of BPMN timer definitions: ISO-8601 durations ({@code PT15M}, {@code P1D}, {@code
 * P1Y2M3DT4H}) and ISO-8601 date-times with a zone or offset ({@code 2026-01-01T09:00:00Z}, {@code
 * 2026-01-01T09:00:00+01:00[Europe/Berlin]}), given as text or as the FEEL values {@code
 * duration(...)} and {@code date and time(...)} evaluate to.
 */
public final class TimeValues {

  private TimeValues() {}

  /** A duration split into its calendar part (years, months, weeks, days) and its time part. */
  public record Interval(Period period, Duration duration) {

    /** The instant this interval after {@code start} (calendar arithmetic in UTC). */
    public Instant after(Instant start) {
      return ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plus(period).plus(duration).toInstant();
    }
  }

  /** Parses an ISO-8601 duration; throws ExpressionException naming what is wrong. */
  public static Interval parseDuration(String text) {
    String value = text == null ? "" : text.strip();
    if (!value.startsWith("P") || value.length() < 2) {
      throw invalidDuration(text);
    }
    int t = value.indexOf('T');
    String datePart = t < 0 ? value.substring(1) : value.substring(1, t);
    String timePart = t < 0 ? "" : value.substring(t + 1);
    if (t >= 0 && timePart.isEmpty()) {
      throw invalidDuration(text);
    }
    try {
      Period period = datePart.isEmpty() ? Period.ZERO : Period.parse("P" + datePart);
      Duration duration = timePart.isEmpty() ? Duration.ZERO : Duration.parse("PT" + timePart);
      if (period.isNegative() || duration.isNegative()) {
        throw invalidDuration(text);
      }
      return new Interval(period, duration);
    } catch (DateTimeParseException e) {
      throw invalidDuration(text);
    }
  }

  /** A FEEL result (duration or text) as an interval. */
  public static Interval toInterval(Object value) {
    if (value instanceof Duration duration) {
      if (duration.isNegative()) {
        throw invalidDuration(duration.toString());
      }
      return new Interval(Period.ZERO, duration);
    }
    if (value instanceof Period period) {
      if (period.isNegative()) {
        throw invalidDuration(period.toString());
      }
      return new Interval(period, Duration.ZERO);
    }
    if (value instanceof TemporalAmount || value instanceof String) {
      return parseDuration(value.toString());
    }
    throw new ExpressionException(
        "Expected a duration (ISO-8601, e.g. 'PT15M'), but was '%s'".formatted(describe(value)));
  }

  /** Parses an ISO-8601 date-time with offset or zone; throws ExpressionException otherwise. */
  public static Instant parseDateTime(String text) {
    String value = text == null ? "" : text.strip();
    try {
      return ZonedDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ExpressionException(
          "Expected a date-time in ISO-8601 with a time zone or offset (e.g."
              + " '2026-01-01T09:00:00Z'), but was '%s'".formatted(text));
    }
  }

  /** A FEEL result (date and time with zone or offset, or text) as an instant. */
  public static Instant toInstant(Object value) {
    try {
      if (value instanceof ZonedDateTime zoned) {
        return zoned.toInstant();
      }
      if (value instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      if (value instanceof Instant instant) {
        return instant;
      }
    } catch (DateTimeException e) {
      throw new ExpressionException("Invalid date-time: " + e.getMessage());
    }
    if (value instanceof String text) {
      return parseDateTime(text);
    }
    throw new ExpressionException(
        "Expected a date-time with a time zone or offset, but was '%s'".formatted(describe(value)));
  }

  private static ExpressionException invalidDuration(String text) {
    return new ExpressionException(
        "Expected a duration in ISO-8601 (e.g. 'PT15M', 'P1D', 'P1Y2M3DT4H'), but was '%s'"
            .formatted(text));
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
