package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.recruitment.application.ApplicationEvent;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** The application's history, newest first: date, translated status and the note. */
class StatusHistory extends UnorderedList {

  StatusHistory(List<ApplicationEvent> events, Locale locale) {
    setId("status-history");
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(DisplayZone.get());
    for (int i = events.size() - 1; i >= 0; i--) {
      ApplicationEvent event = events.get(i);
      Span when = new Span(format.format(event.createdAt()));
      when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Right.MEDIUM);
      Span what = new Span(getTranslation("apply.status." + event.status().name()));
      what.addClassName(LumoUtility.FontWeight.SEMIBOLD);
      ListItem item = new ListItem(when, what);
      if (event.note() != null) {
        Div note = new Div(event.note());
        note.addClassName(LumoUtility.TextColor.SECONDARY);
        item.add(note);
      }
      add(item);
    }
  }
}
