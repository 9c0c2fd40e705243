package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Instant;

/** A task's due date relative to now, overdue ones emphasised; the exact date in the tooltip. */
class DueLabel extends Span {

  DueLabel(Instant due, Clock clock) {
    addClassName("task-due");
    DueText text = DueText.of(due, clock, getLocale(), this);
    setText(text.text());
    if (due == null) {
      return;
    }
    setTitle(text.title());
    if (text.overdue()) {
      getElement().getThemeList().add("badge error primary");
      addClassName("task-overdue");
    }
  }
}
