package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.TaskListService;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.Set;

/** A staff task: its process context beside its form, each value shown once. */
@Route("tasks/:key")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
public class TaskView extends AbstractTaskView {

  private final FormService forms;

  public TaskView(
      TaskListService tasks,
      CurrentUser currentUser,
      TaskForms taskForms,
      TaskPanels panels,
      FormService forms) {
    super(tasks, currentUser, taskForms, panels);
    this.forms = forms;
  }

  @Override
  protected Class<? extends Component> listView() {
    return TaskListView.class;
  }

  @Override
  protected Component context(TaskDetails details) {
    Set<String> formKeys = new HashSet<>();
    if (details.formSchema() != null) {
      forms.parse(details.formSchema()).inputs().forEach(input -> formKeys.add(input.key()));
    }
    return new TaskContext(details, formKeys);
  }
}
