package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.tasklist.TaskDetails;
import java.util.List;
import java.util.Set;

/**
 * The process around a task: which process, which stage, which partner, and the facts the decision
 * needs, in human words; what the form itself shows is left to the form.
 */
class TaskContext extends FormLayout {

  /** Process variables worth showing beside any task, when present. */
  private static final List<String> CONTEXT_VARIABLES =
      List.of(
          "companyName",
          "partnerName",
          "website",
          "country",
          "partnerType",
          "employees",
          "yearsInBusiness",
          "customersInSegment",
          "certifiedStaff",
          "targetIndustries",
          "contactName",
          "contactEmail",
          "fitScore",
          "suggestedTier",
          "screeningResult",
          "screeningReasons");

  /**
   * @param formKeys the keys of the fields the task's form shows: left out here, so each value
   *     appears once on the page
   */
  TaskContext(TaskDetails details, Set<String> formKeys) {
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
      if (value != null && !formKeys.contains(name) && !String.valueOf(value).isBlank()) {
        addFormItem(new Span(shown(name, value)), getTranslation("tasklist.variable." + name));
      }
    }
  }

  private String shown(String name, Object value) {
    return ContextValues.shown(name, value, getLocale(), this::getTranslation);
  }
}
