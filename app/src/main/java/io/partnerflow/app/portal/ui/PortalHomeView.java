package io.partnerflow.app.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.partner.ui.MyOrganisationView;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import io.partnerflow.app.tasklist.TaskSummary;
import io.partnerflow.app.tasklist.ui.PortalTaskListView;
import io.partnerflow.app.tasklist.ui.PortalTaskView;
import io.partnerflow.app.tier.TierProgress;
import io.partnerflow.app.tier.ui.TierProgressPanel;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The partner user's start page. Until the organisation's agreement is signed it shows only the
 * contract step: the open signing task(s) of the organisation, or who will sign; afterwards, the
 * way to the portal's pages.
 */
@Route("portal")
@RolesAllowed("PARTNER")
@Menu(order = 4, title = "nav.portalHome", icon = "HOME")
public class PortalHomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  /** The process whose tasks are the contract step. */
  static final String CONTRACT_PROCESS = "contract-signing";

  private final PortalGate gate;
  private final TaskListService tasks;
  private final TierProgress tiers;

  public PortalHomeView(PortalGate gate, TaskListService tasks, TierProgress tiers) {
    this.gate = gate;
    this.tasks = tasks;
    this.tiers = tiers;
    setId("portal-home-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    if (gate.isOpen()) {
      add(new H2(getTranslation("portal.home.title")));
      add(new Paragraph(getTranslation("portal.home.open")));
      add(new RouterLink(getTranslation("nav.portalTasks"), PortalTaskListView.class));
      add(new RouterLink(getTranslation("nav.myOrganisation"), MyOrganisationView.class));
      add(new RouterLink(getTranslation("nav.colleagues"), ColleaguesView.class));
      // the organisation's own progress towards each tier
      tiers.mine().ifPresent(overview -> add(new TierProgressPanel(overview)));
      return;
    }
    add(new H2(getTranslation("portal.gate.title")));
    add(new Paragraph(getTranslation("portal.gate.explanation")));
    List<TaskSummary> signing = contractTasks();
    if (signing.isEmpty()) {
      Paragraph nobody = new Paragraph(getTranslation("portal.gate.noTask"));
      nobody.setId("portal-gate-no-task");
      add(nobody, new RouterLink(getTranslation("nav.colleagues"), ColleaguesView.class));
      return;
    }
    for (TaskSummary task : signing) {
      RouterLink link =
          new RouterLink(
              label(task),
              PortalTaskView.class,
              new RouteParameters("key", String.valueOf(task.key())));
      link.setId("contract-task-" + task.key());
      link.addClassName("contract-task");
      add(link);
    }
  }

  private List<TaskSummary> contractTasks() {
    TaskQuery query =
        new TaskQuery(
            TaskScope.MY_GROUPS, CONTRACT_PROCESS, DueFilter.ANY, null, TaskSort.DUE, false);
    return tasks.search(query, 0, 20).items();
  }

  private String label(TaskSummary task) {
    String key = "portal.task." + task.elementId();
    String translated = getTranslation(key);
    return translated == null || translated.startsWith("!") || translated.equals(key)
        ? ProcessStepNames.step(task.processId(), task.elementId(), task.name(), getLocale())
        : translated;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.portalHome") + " | " + getTranslation("app.name");
  }
}
