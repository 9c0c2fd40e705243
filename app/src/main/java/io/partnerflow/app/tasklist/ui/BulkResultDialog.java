package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.partnerflow.app.tasklist.BulkOutcome;
import io.partnerflow.app.tasklist.TaskRow;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a bulk action came to, one line per task: done, or why not. */
class BulkResultDialog extends Dialog {

  BulkResultDialog(List<TaskRow> rows, List<BulkOutcome> outcomes) {
    setId("bulk-result");
    Map<Long, TaskRow> byKey =
        rows.stream().collect(Collectors.toMap(row -> row.task().key(), Function.identity()));
    long done = outcomes.stream().filter(BulkOutcome::ok).count();
    setHeaderTitle(getTranslation("tasklist.bulk.result.title"));
    Paragraph summary =
        new Paragraph(getTranslation("tasklist.bulk.result.summary", done, outcomes.size()));
    summary.setId("bulk-result-summary");
    Grid<BulkOutcome> lines = new Grid<>();
    lines.setId("bulk-result-lines");
    lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    lines
        .addColumn(outcome -> taskLabel(byKey.get(outcome.taskKey()), outcome.taskKey()))
        .setHeader(getTranslation("tasklist.task"))
        .setFlexGrow(2);
    lines
        .addComponentColumn(this::result)
        .setHeader(getTranslation("tasklist.bulk.result.outcome"))
        .setFlexGrow(3);
    lines.setItems(outcomes);
    lines.setAllRowsVisible(true);
    lines.setWidth("40em");
    add(summary, lines);
    Button close = new Button(getTranslation("tasklist.bulk.result.close"), click -> close());
    close.setId("bulk-result-close");
    getFooter().add(close);
  }

  /** Nothing was done: the action lacked its input. */
  static void refused(String messageKey) {
    Notification notification =
        Notification.show(
            com.vaadin.flow.component.UI.getCurrent().getTranslation(messageKey),
            5000,
            Notification.Position.TOP_CENTER);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  private String taskLabel(TaskRow row, long key) {
    if (row == null) {
      return String.valueOf(key);
    }
    String step = TaskNames.step(row.task(), getLocale());
    return row.subject() == null ? step : row.subject() + " · " + step;
  }

  private Span result(BulkOutcome outcome) {
    Span text =
        new Span(getTranslation(outcome.ok() ? "tasklist.bulk.result.done" : outcome.reason()));
    text.getElement().getThemeList().add(outcome.ok() ? "badge success" : "badge error");
    text.addClassName(outcome.ok() ? "bulk-ok" : "bulk-refused");
    return text;
  }
}
