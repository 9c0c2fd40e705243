package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.TaskListService;
import jakarta.annotation.security.RolesAllowed;

/**
 * A task of the partner user's organisation, in the portal. Its context is the task itself: no
 * process internals (the service gives a partner user only the values of the form's fields).
 */
@Route("portal/tasks/:key")
@RolesAllowed("PARTNER")
public class PortalTaskView extends AbstractTaskView {

  public PortalTaskView(
      TaskListService tasks, CurrentUser currentUser, TaskForms taskForms, TaskPanels panels) {
    super(tasks, currentUser, taskForms, panels);
  }

  @Override
  protected Class<? extends Component> listView() {
    return PortalTaskListView.class;
  }

  @Override
  protected Component context(TaskDetails details) {
    FormLayout context = new FormLayout();
    context.setId("task-context");
    context.setWidth("22em");
    context.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    context.addFormItem(
        new Span(TaskFormats.dateTime(details.task().due(), getLocale())),
        getTranslation("tasklist.dueDate"));
    context.addFormItem(
        new Span(details.task().assignee() == null ? "—" : details.task().assignee()),
        getTranslation("tasklist.assignee"));
    return context;
  }
}
