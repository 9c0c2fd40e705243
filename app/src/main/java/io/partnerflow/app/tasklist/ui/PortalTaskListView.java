package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * The portal's task list: the open tasks addressed to the partner user's organisation (its groups
 * they hold), offered to them by name, or assigned to them, and nothing else; the service decides
 * what that is, on the server.
 */
@Route("portal/tasks")
@RolesAllowed("PARTNER")
@Menu(order = 5, title = "nav.portalTasks", icon = "TASKS")
public class PortalTaskListView extends VerticalLayout implements HasDynamicTitle {

  private final Select<TaskScope> scope = new Select<>();
  private final TaskGrid grid;

  public PortalTaskListView(TaskListService tasks, Clock clock) {
    grid = new TaskGrid(tasks, this::currentQuery, clock, false, PortalTaskView.class);
    setId("portal-task-list-view");
    setSizeFull();
    scope.setId("task-scope");
    scope.setLabel(getTranslation("tasklist.scope"));
    scope.setItems(TaskScope.MY_GROUPS, TaskScope.ASSIGNED_TO_ME, TaskScope.OFFERED_TO_ME);
    scope.setItemLabelGenerator(value -> getTranslation("tasklist.portal.scope." + value.name()));
    scope.setValue(TaskScope.MY_GROUPS);
    scope.addValueChangeListener(event -> grid.refresh());
    add(new H2(getTranslation("nav.portalTasks")), scope, grid);
    setFlexGrow(1, grid);
  }

  TaskQuery currentQuery() {
    return new TaskQuery(scope.getValue(), null, DueFilter.ANY, null, TaskSort.DUE, false);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.portalTasks") + " | " + getTranslation("app.name");
  }
}
