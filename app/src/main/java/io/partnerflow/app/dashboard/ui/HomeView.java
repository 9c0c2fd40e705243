package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.base.ui.chart.Chart;
import io.partnerflow.app.base.ui.chart.ChartData;
import io.partnerflow.app.base.ui.chart.ChartKind;
import io.partnerflow.app.base.ui.chart.ChartNumbers;
import io.partnerflow.app.dashboard.CountBy;
import io.partnerflow.app.dashboard.DueBucket;
import io.partnerflow.app.dashboard.HomeService;
import io.partnerflow.app.dashboard.MyPartners;
import io.partnerflow.app.dashboard.TaskLoad;
import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.tasklist.TaskSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Start page of every logged-in user. Staff see their desk: open tasks by due date (and the most
 * urgent), partner managers also their own partners and their plans and reviews, team leads and
 * administrators a link to the channel dashboard. Partner users see the welcome line; their own
 * start page is the portal.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "HOME")
class HomeView extends VerticalLayout implements HasDynamicTitle {

  private final Clock clock;

  public HomeView(CurrentUser currentUser, HomeService home, Clock clock) {
    this.clock = clock;
    setId("home-view");
    UserAccount user = currentUser.get().orElse(null);
    String name = user == null ? "" : user.username();
    add(new H2(getTranslation("home.welcome", name)));
    if (user == null || !isStaff(user)) {
      add(new Paragraph(getTranslation("home.roles", roles(user))));
      add(new Paragraph(getTranslation("home.intro")));
      return;
    }
    if (home.seesChannel()) {
      Anchor channel =
          new Anchor("dashboard/channel", getTranslation("dashboard.home.channelLink"));
      channel.setId("home-channel-link");
      add(channel);
    }
    TaskLoad load = home.myTasks();
    Div figures = new Div();
    figures.addClassName("pf-figures");
    figures.add(
        new Figure(
            "home-open-tasks",
            ChartNumbers.format(load.total()) + (load.capped() ? "+" : ""),
            getTranslation("dashboard.home.openTasks"),
            false),
        new Figure(
            "home-overdue-tasks",
            ChartNumbers.format(load.overdue()),
            getTranslation("dashboard.home.overdueTasks"),
            load.overdue() > 0));
    add(figures);
    Div grid = new Div();
    grid.addClassName("pf-dashboard-grid");
    grid.add(tasksByDue(load));
    if (user.roles().contains(Role.PARTNER_MANAGER)) {
      MyPartners mine = home.myPartners();
      grid.add(
          partners(
              "home-partners-status",
              "dashboard.home.byStatus",
              "partner.status.",
              mine.byStatus(),
              ChartKind.DOUGHNUT));
      grid.add(
          partners(
              "home-partners-tier",
              "dashboard.home.byTier",
              "partner.tier.",
              mine.byTier(),
              ChartKind.BAR));
      new PlanSection(home.myPlans(), clock.getZone(), getLocale()).addTo(grid);
    }
    add(grid, urgent(load.urgent()));
    setWidthFull();
  }

  private Chart tasksByDue(TaskLoad load) {
    List<String> labels =
        Arrays.stream(DueBucket.values())
            .map(bucket -> getTranslation("dashboard.due." + bucket.name()))
            .toList();
    List<Double> values =
        Arrays.stream(DueBucket.values()).map(b -> (double) load.byDue().get(b)).toList();
    return new Chart(
        "home-tasks-by-due",
        new ChartData(
            ChartKind.BAR,
            getTranslation("dashboard.home.tasksByDue"),
            "my-tasks-by-due",
            labels,
            List.of(new ChartData.Series(getTranslation("dashboard.home.tasks"), values))));
  }

  private Chart partners(
      String id, String titleKey, String labelPrefix, List<CountBy> counts, ChartKind kind) {
    return new Chart(
        id,
        new ChartData(
            kind,
            getTranslation(titleKey),
            id.replace("home-", "my-"),
            counts.stream().map(c -> getTranslation(labelPrefix + c.key())).toList(),
            List.of(
                new ChartData.Series(
                    getTranslation("dashboard.home.partners"),
                    counts.stream().map(c -> (double) c.count()).toList()))));
  }

  private Div urgent(List<TaskSummary> tasks) {
    Div box = new Div();
    box.setId("home-urgent");
    box.add(new H3(getTranslation("dashboard.home.urgent")));
    if (tasks.isEmpty()) {
      box.add(new Paragraph(getTranslation("dashboard.home.noUrgent")));
      return box;
    }
    DateTimeFormatter due =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(getLocale())
            .withZone(clock.getZone());
    for (TaskSummary task : tasks) {
      Anchor link =
          new Anchor(
              "tasks/" + task.key(),
              ProcessStepNames.step(task.processId(), task.elementId(), task.name(), getLocale())
                  + " · "
                  + getTranslation("dashboard.home.due", due.format(task.due())));
      box.add(new Div(link));
    }
    return box;
  }

  private static boolean isStaff(UserAccount user) {
    return user.roles().stream().anyMatch(role -> role != Role.PARTNER);
  }

  private String roles(UserAccount user) {
    if (user == null) {
      return "";
    }
    return user.roles().stream()
        .map(role -> getTranslation("role." + role.name()))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.home") + " | " + getTranslation("app.name");
  }
}
