package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.enablement.learning.EnrolmentStatus;
import io.partnerflow.app.enablement.learning.QuizRefusedException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Translated labels of the learning pages. */
final class LearningLabels {

  private LearningLabels() {}

  static Span status(EnrolmentStatus status, Component on) {
    Span badge = new Span(on.getTranslation("learning.status." + status.name()));
    badge.getElement().getThemeList().add("badge");
    switch (status) {
      case PASSED -> badge.getElement().getThemeList().add("success");
      case FAILED -> badge.getElement().getThemeList().add("error");
      default -> badge.getElement().getThemeList().add("contrast");
    }
    badge.addClassName("learning-status");
    return badge;
  }

  static String time(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(ZoneId.of("UTC"))
            .format(instant)
        + " UTC";
  }

  /** The refusal in the reader's language (with the time a next attempt is allowed). */
  static String refusal(QuizRefusedException refused, Component on, Locale locale) {
    String key = "learning.quiz.refused." + refused.reason().name();
    return on.getTranslation(key, time(refused.nextAttemptAllowedAt(), locale));
  }
}
