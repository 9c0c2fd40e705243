package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.base.i18n.Countries;
import io.partnerflow.app.tasklist.TaskDetails;
import java.util.List;

/** The process around a task: which process, which stage, which partner, what is known. */
class TaskContext extends FormLayout {

  /** Process variables worth showing beside any task, when present. */
  private static final List<String> CONTEXT_VARIABLES =
      List.of(
          "companyName",
          "partnerName",
          "country",
          "partnerType",
          "fitScore",
          "suggestedTier",
          "screeningResult");

  TaskContext(TaskDetails details) {
    setId("task-context");
    setWidth("22em");
    setResponsiveSteps(new ResponsiveStep("0", 1));
    addFormItem(
        new Span(TaskNames.process(details.task(), getLocale())),
        getTranslation("tasklist.process"));
    addFormItem(
        new Span(TaskNames.step(details.task(), getLocale())), getTranslation("tasklist.stage"));
    addFormItem(
        new Span(TaskFormats.dateTime(details.task().due(), getLocale())),
        getTranslation("tasklist.dueDate"));
    addFormItem(
        new Span(String.valueOf(details.task().priority())), getTranslation("tasklist.priority"));
    addFormItem(
        new Span(details.task().assignee() == null ? "—" : details.task().assignee()),
        getTranslation("tasklist.assignee"));
    for (String name : CONTEXT_VARIABLES) {
      Object value = details.variables().get(name);
      if (value != null) {
        addFormItem(new Span(shown(name, value)), getTranslation("tasklist.variable." + name));
      }
    }
  }

  /** A value as a person reads it: a country by its name in the user's language. */
  private String shown(String name, Object value) {
    return "country".equals(name)
        ? Countries.name(String.valueOf(value), getLocale())
        : String.valueOf(value);
  }
}
