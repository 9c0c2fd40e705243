package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.TaskListService;
import jakarta.annotation.security.RolesAllowed;

/** A staff task: its process context beside its form. */
@Route("tasks/:key")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
public class TaskView extends AbstractTaskView {

  public TaskView(
      TaskListService tasks, CurrentUser currentUser, I18NProvider messages, TaskPanels panels) {
    super(tasks, currentUser, messages, panels);
  }

  @Override
  protected Class<? extends Component> listView() {
    return TaskListView.class;
  }

  @Override
  protected Component context(TaskDetails details) {
    return new TaskContext(details);
  }
}
