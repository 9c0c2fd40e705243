package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.partnerflow.app.enablement.learning.worker.CourseTasks;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.ui.TaskPanelProvider;
import java.util.Set;

/**
 * The portal task "Complete the course" opens no form with a complete button: the course page
 * completes it when the quiz is finished, so the task shows the way to the course instead.
 */
@org.springframework.stereotype.Component
class CourseTaskPanels implements TaskPanelProvider {

  private final CourseTasks courseTasks;

  CourseTaskPanels(CourseTasks courseTasks) {
    this.courseTasks = courseTasks;
  }

  @Override
  public Set<String> elementIds() {
    return Set.of("complete-course");
  }

  @Override
  public com.vaadin.flow.component.Component create(TaskDetails details, Runnable done) {
    Div panel = new Div();
    panel.setId("course-task-panel");
    panel.add(new Paragraph(panel.getTranslation("learning.task.explanation")));
    courseTasks
        .enrolmentOf(details.task().key())
        .ifPresent(
            enrolment -> {
              RouterLink open =
                  new RouterLink(
                      panel.getTranslation("learning.task.open"),
                      CourseView.class,
                      new RouteParameters("id", String.valueOf(enrolment)));
              open.setId("course-task-link");
              panel.add(open);
            });
    return panel;
  }
}
