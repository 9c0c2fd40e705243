package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.qbr.ReviewException;
import io.partnerflow.app.qbr.ReviewTask;
import io.partnerflow.app.qbr.ReviewTasks;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.ui.TaskPanelProvider;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The quarterly review's screens in the task list and the portal: self-assessment (partner),
 * scorecard with actions (manager), follow-up of a missed review (team lead) and an agreed action
 * (its owner). What they show and do goes through {@link ReviewTasks}, which checks on the server
 * who may.
 */
@org.springframework.stereotype.Component
class ReviewTaskPanels implements TaskPanelProvider {

  private final ReviewTasks tasks;
  private final Clock clock;

  ReviewTaskPanels(ReviewTasks tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  public Set<String> elementIds() {
    return Set.of(
        "qbr-self-assessment",
        "qbr-scorecard-task",
        "qbr-follow-up-missed-review",
        "qbr-agreed-action");
  }

  @Override
  public Component create(TaskDetails details, Runnable done) {
    try {
      ReviewTask task = tasks.open(details.task().key());
      return switch (task.elementId()) {
        case "qbr-self-assessment" -> new SelfAssessmentPanel(task, tasks, done);
        case "qbr-scorecard-task" ->
            new ScorecardPanel(task, tasks.actionOwners(task.taskKey()), tasks, clock, done);
        case "qbr-follow-up-missed-review" -> new FollowUpPanel(task, task.manager(), tasks, done);
        default -> new ActionTaskPanel(task, tasks, done);
      };
    } catch (ReviewException | AccessDeniedException unavailable) {
      Paragraph message = new Paragraph();
      message.setText(
          unavailable instanceof ReviewException refused
              ? message.getTranslation(refused.messageKey(), refused.arguments())
              : message.getTranslation("qbr.error.unavailable"));
      message.setId("qbr-task-unavailable");
      return message;
    }
  }
}
