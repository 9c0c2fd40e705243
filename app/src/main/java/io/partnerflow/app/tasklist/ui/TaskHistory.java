package io.partnerflow.app.tasklist.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.partnerflow.app.audit.AuditEntry;
import java.time.Clock;
import java.util.List;

/**
 * The task's history on its page: who claimed, handed back, assigned or delegated it and why, and
 * changes of due date or priority, newest first.
 */
class TaskHistory extends Div {

  private static final ObjectMapper JSON = new ObjectMapper();

  TaskHistory(List<AuditEntry> entries, Clock clock) {
    setId("task-history");
    add(new H3(getTranslation("tasklist.history")));
    if (entries.isEmpty()) {
      add(new Span(getTranslation("tasklist.history.empty")));
      return;
    }
    UnorderedList list = new UnorderedList();
    for (AuditEntry entry : entries) {
      String line =
          TaskFormats.dateTime(entry.occurredAt(), getLocale(), clock.getZone())
              + " · "
              + entry.actor()
              + " · "
              + getTranslation("audit.action." + entry.action().name())
              + detail(entry);
      list.add(new ListItem(line));
    }
    add(list);
  }

  /** The new assignee and the reason of a delegation, as people read them. */
  private String detail(AuditEntry entry) {
    if (entry.after() == null) {
      return "";
    }
    try {
      JsonNode after = JSON.readTree(entry.after());
      if (after.isTextual()) {
        return " → " + after.asText();
      }
      StringBuilder text = new StringBuilder();
      if (after.hasNonNull("assignee")) {
        text.append(" → ").append(after.get("assignee").asText());
      }
      for (String changed : List.of("due", "priority")) {
        if (after.hasNonNull(changed)) {
          text.append(" → ").append(after.get(changed).asText());
        }
      }
      if (after.hasNonNull("reason")) {
        text.append(" (")
            .append(getTranslation("tasklist.history.reason"))
            .append(": ")
            .append(after.get("reason").asText())
            .append(')');
      }
      return text.toString();
    } catch (java.io.IOException unreadable) {
      return "";
    }
  }
}
