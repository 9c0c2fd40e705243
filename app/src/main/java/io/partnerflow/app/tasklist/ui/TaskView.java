package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.tasklist.TaskAssignments;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.TaskListService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** A staff task: its process context beside its form, each value shown once. */
@Route("tasks/:key")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
public class TaskView extends AbstractTaskView {

  private final FormService forms;
  private final TaskAssignments assignments;
  private final Clock clock;

  public TaskView(
      TaskListService tasks,
      CurrentUser currentUser,
      TaskForms taskForms,
      TaskPanels panels,
      FormService forms,
      TaskAssignments assignments,
      Clock clock) {
    super(tasks, currentUser, taskForms, panels);
    this.forms = forms;
    this.assignments = assignments;
    this.clock = clock;
  }

  /** The assignee may hand the task to a colleague, with a reason. */
  @Override
  protected Component[] moreActions(TaskDetails details, boolean mine) {
    if (!mine) {
      return new Component[0];
    }
    Button delegate =
        new Button(
            getTranslation("tasklist.delegate"),
            click ->
                new DelegateDialog(
                        assignments,
                        details.task(),
                        () -> getUI().ifPresent(ui -> ui.navigate(TaskListView.class)))
                    .open());
    delegate.setId("delegate");
    return new Component[] {delegate};
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
    // the history below the context: who held the task and why it was handed over
    VerticalLayout column =
        new VerticalLayout(
            new TaskContext(details, formKeys),
            new TaskHistory(assignments.history(details.task().key()), clock));
    column.setPadding(false);
    return column;
  }
}
