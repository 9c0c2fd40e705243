package io.partnerflow.app.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The ISO strings form-js uses for datetime fields: {@code 2025-03-01} (date), {@code 14:30} with
 * {@code Z} or {@code +01:00} per {@code timeSerializingFormat} (time) and {@code 2025-03-01T14:30}
 * likewise (datetime). The user's zone turns a picked local time into UTC or an offset.
 */
public final class DateTimeValues {

  public static final String DATE = "date";
  public static final String TIME = "time";
  public static final String DATETIME = "datetime";

  private static final String NO_TIMEZONE = "no_timezone";
  private static final String UTC_NORMALIZED = "utc_normalized";

  private DateTimeValues() {}

  public static String subtype(FormComponent component) {
    String subtype = component.text("subtype");
    return TIME.equals(subtype) || DATETIME.equals(subtype) ? subtype : DATE;
  }

  /** Whether the text is an ISO value of the subtype (with or without zone for time parts). */
  public static boolean isValid(String subtype, String text) {
    try {
      switch (subtype) {
        case TIME -> parseTime(text, ZoneOffset.UTC);
        case DATETIME -> parseDateTime(text, ZoneOffset.UTC);
        default -> LocalDate.parse(text);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  public static String formatTime(LocalTime time, FormComponent component, ZoneId zone) {
    LocalTime minutes = time.truncatedTo(ChronoUnit.MINUTES);
    return switch (serializing(component)) {
      case NO_TIMEZONE -> minutes.toString();
      case UTC_NORMALIZED ->
          OffsetTime.of(minutes, offset(zone)).withOffsetSameInstant(ZoneOffset.UTC).toString();
      default -> OffsetTime.of(minutes, offset(zone)).toString();
    };
  }

  public static String formatDateTime(
      LocalDateTime dateTime, FormComponent component, ZoneId zone) {
    LocalDateTime minutes = dateTime.truncatedTo(ChronoUnit.MINUTES);
    return switch (serializing(component)) {
      case NO_TIMEZONE -> minutes.toString();
      case UTC_NORMALIZED ->
          minutes.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString();
      default -> minutes.atZone(zone).toOffsetDateTime().toString();
    };
  }

  /** A time with a zone is shown in the user's zone; one without is taken as it is. */
  public static LocalTime parseTime(String text, ZoneId zone) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetTime.parse(text).withOffsetSameInstant(offset(zone)).toLocalTime();
    }
  }

  public static LocalDateTime parseDateTime(String text, ZoneId zone) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime();
    }
  }

  private static String serializing(FormComponent component) {
    String format = component.text("timeSerializingFormat");
    return format == null ? "utc_offset" : format;
  }

  private static ZoneOffset offset(ZoneId zone) {
    return zone.getRules().getOffset(java.time.Instant.now());
  }
}
