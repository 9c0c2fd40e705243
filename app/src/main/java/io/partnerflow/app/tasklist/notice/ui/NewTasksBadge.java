package io.partnerflow.app.tasklist.notice.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import io.partnerflow.app.tasklist.notice.StaffNotices;
import java.time.Duration;

/**
 * The header's count of tasks given to me since I last opened the task list, refreshed by a poll
 * every {@code badge-poll} and on every page change, without reloading the page (one small query
 * per poll; the app has no push channel, see docs/task-assignment.md); shown up to {@value #CAP},
 * beyond that "99+".
 */
class NewTasksBadge extends Anchor implements AfterNavigationObserver {

  static final int CAP = 99;

  private final StaffNotices notices;
  private final Duration poll;
  private final Span count = new Span();
  private Registration polling;

  NewTasksBadge(StaffNotices notices, Duration poll) {
    super("tasks");
    this.notices = notices;
    this.poll = poll;
    setId("new-tasks");
    count.setId("new-tasks-count");
    count.getElement().getThemeList().add("badge pill error small");
    add(VaadinIcon.BELL.create(), count);
    getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "0.25em");
    // counted in afterNavigation, which also follows the first navigation (after the task list
    // has marked its tasks seen): counting here too would be a second query per page load
    count.setVisible(false);
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    UI ui = attach.getUI();
    int millis = (int) poll.toMillis();
    if (ui.getPollInterval() < 0 || ui.getPollInterval() > millis) {
      ui.setPollInterval(millis);
    }
    polling = ui.addPollListener(event -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (polling != null) {
      polling.remove();
      polling = null;
    }
  }

  /** A page change counts again: opening the task list starts the count from zero. */
  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    refresh();
  }

  private void refresh() {
    long found = notices.newTasks(CAP);
    count.setText(found > CAP ? CAP + "+" : String.valueOf(found));
    count.setVisible(found > 0);
    setTitle(getTranslation("notices.newTasks", found > CAP ? CAP + "+" : found));
  }
}
