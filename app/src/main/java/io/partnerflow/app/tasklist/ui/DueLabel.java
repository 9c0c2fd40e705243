package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Instant;

/** A task's due date relative to now, overdue ones emphasised; the exact date in the tooltip. */
class DueLabel extends Span {

  DueLabel(Instant due, Clock clock) {
    addClassName("task-due");
    if (due == null) {
      setText(getTranslation("tasklist.relative.none"));
      return;
    }
    RelativeDue relative = RelativeDue.of(due, clock.instant());
    setText(getTranslation(relative.key(), relative.amount()));
    setTitle(TaskFormats.dateTime(due, getLocale(), clock.getZone()));
    if (relative.overdue()) {
      getElement().getThemeList().add("badge error primary");
      addClassName("task-overdue");
    }
  }
}
