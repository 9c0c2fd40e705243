package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.partnerflow.app.qbr.ReviewAction;
import io.partnerflow.app.qbr.ReviewTask;
import io.partnerflow.app.qbr.ReviewTasks;

/** An action agreed in a review, for its owner (portal or task list): what, by when, done. */
class ActionTaskPanel extends VerticalLayout {

  ActionTaskPanel(ReviewTask task, ReviewTasks tasks, Runnable done) {
    setId("qbr-action-panel");
    setPadding(false);
    ReviewAction action = task.action();
    add(
        new Paragraph(
            getTranslation(
                "qbr.actionTask.intro", task.partnerView().quarter(), task.partnerName())));
    H3 description = new H3(action == null ? "" : action.description());
    description.setId("qbr-action-text");
    add(description);
    if (action != null) {
      add(new Paragraph(getTranslation("qbr.action.due") + ": " + action.dueDate()));
    }
    Button submit =
        new Button(
            getTranslation("qbr.actionTask.submit"),
            click -> {
              try {
                tasks.actionDone(task.taskKey());
                ReviewMessages.done(this, getTranslation("qbr.actionTask.sent"));
                done.run();
              } catch (RuntimeException refused) {
                if (!ReviewMessages.isRefusal(refused)) {
                  throw refused;
                }
                ReviewMessages.refused(this, refused);
              }
            });
    submit.setId("qbr-action-done");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(submit);
  }
}
