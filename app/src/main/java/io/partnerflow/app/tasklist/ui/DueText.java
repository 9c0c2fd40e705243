package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * A task's due date as the list shows it: relative to now, the exact date for the tooltip, and
 * whether it is overdue (then emphasised). Shared by the label component and the grid's data-only
 * cell.
 *
 * @param text e.g. "in 2 days", "3 hours overdue", or that there is no due date
 * @param title the exact date and time, empty without a due date
 */
record DueText(String text, String title, boolean overdue) {

  /** In the locale's words, through the component's translations. */
  static DueText of(Instant due, Clock clock, Locale locale, Component translator) {
    if (due == null) {
      return new DueText(translator.getTranslation(locale, "tasklist.relative.none"), "", false);
    }
    RelativeDue relative = RelativeDue.of(due, clock.instant());
    return new DueText(
        translator.getTranslation(locale, relative.key(), relative.amount()),
        TaskFormats.dateTime(due, locale, clock.getZone()),
        relative.overdue());
  }
}
