package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateTimeValuesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final FormSchemaParser parser = new FormSchemaParser();

  @Test
  void shouldSerializeTimesPerTimeSerializingFormat() {
    // given
    FormComponent local = datetime("time", "no_timezone");
    FormComponent utc = datetime("time", "utc_normalized");

    // then
    assertThat(DateTimeValues.formatTime(LocalTime.of(14, 30, 59), local, BERLIN))
        .isEqualTo("14:30");
    assertThat(DateTimeValues.formatTime(LocalTime.of(14, 30), utc, ZoneId.of("UTC")))
        .isEqualTo("14:30Z");
  }

  @Test
  void shouldSerializeDateTimesInUtcAndReadThemBackInTheUsersZone() {
    // given
    FormComponent utc = datetime("datetime", "utc_normalized");
    LocalDateTime winterNoon = LocalDateTime.of(2026, 1, 15, 12, 0);

    // when
    String stored = DateTimeValues.formatDateTime(winterNoon, utc, BERLIN);

    // then
    assertThat(stored).isEqualTo("2026-01-15T11:00Z");
    assertThat(DateTimeValues.parseDateTime(stored, BERLIN)).isEqualTo(winterNoon);
  }

  @Test
  void shouldKnowValidIsoValuesPerSubtype() {
    assertThat(DateTimeValues.isValid("date", "2026-02-28")).isTrue();
    assertThat(DateTimeValues.isValid("date", "2026-02-30")).isFalse();
    assertThat(DateTimeValues.isValid("time", "09:15")).isTrue();
    assertThat(DateTimeValues.isValid("time", "09:15+05:30")).isTrue();
    assertThat(DateTimeValues.isValid("datetime", "2026-02-28T09:15")).isTrue();
    assertThat(DateTimeValues.isValid("datetime", "2026-02-28")).isFalse();
  }

  private FormComponent datetime(String subtype, String format) {
    return parser
        .parse(
            "{\"components\": [{\"type\": \"datetime\", \"key\": \"d\", \"subtype\": \""
                + subtype
                + "\", \"timeSerializingFormat\": \""
                + format
                + "\"}]}")
        .components()
        .get(0);
  }
}
