package io.partnerflow.app.tasklist.notice.ui;

import io.partnerflow.app.base.ui.LayoutHeaderItem;
import io.partnerflow.app.tasklist.notice.StaffNotices;
import io.partnerflow.app.tasklist.notice.TaskNoticeProperties;
import java.util.Optional;

/** Puts the count of new tasks into the header of staff who work tasks. */
@org.springframework.stereotype.Component
class NewTasksHeaderItem implements LayoutHeaderItem {

  private final StaffNotices notices;
  private final TaskNoticeProperties properties;

  NewTasksHeaderItem(StaffNotices notices, TaskNoticeProperties properties) {
    this.notices = notices;
    this.properties = properties;
  }

  @Override
  public Optional<com.vaadin.flow.component.Component> create() {
    return notices.forCurrentUser()
        ? Optional.of(new NewTasksBadge(notices, properties.badgePoll()))
        : Optional.empty();
  }
}
