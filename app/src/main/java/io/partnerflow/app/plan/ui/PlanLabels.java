package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.plan.PlanVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How plan facts read on screen. */
final class PlanLabels {

  private PlanLabels() {}

  /** "Version 2 · Returned for changes". */
  static Paragraph status(PlanVersion version, Component in) {
    Paragraph status =
        new Paragraph(
            in.getTranslation(
                "plan.versionStatus",
                version.versionNo(),
                in.getTranslation("plan.status." + shownStatus(version))));
    status.setId("plan-status");
    status.getElement().setAttribute("data-status", version.status().name());
    return status;
  }

  /** A submitted version the manager approved waits for the sign-offs: said so. */
  private static String shownStatus(PlanVersion version) {
    return version.status() == io.partnerflow.app.plan.PlanStatus.SUBMITTED
            && version.reviewApproved()
        ? "SIGN_OFF"
        : version.status().name();
  }

  static String date(Instant instant, Locale locale) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(instant);
  }

  static String dateTime(Instant instant, Locale locale) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(instant);
  }
}
