package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.partnerflow.app.qbr.QuarterlyReview;
import io.partnerflow.app.qbr.ReviewTask;
import io.partnerflow.app.qbr.ReviewTasks;
import java.time.ZoneOffset;

/** The team lead's task for a missed review: what is open, and a note of what was agreed. */
class FollowUpPanel extends VerticalLayout {

  FollowUpPanel(ReviewTask task, String manager, ReviewTasks tasks, Runnable done) {
    setId("qbr-follow-up-panel");
    setPadding(false);
    QuarterlyReview review = task.review();
    add(
        new Paragraph(
            getTranslation(
                "qbr.followUp.intro",
                review.quarter(),
                task.partnerName(),
                manager == null ? "-" : manager,
                review.missedAt().atZone(ZoneOffset.UTC).toLocalDate().toString())));
    Paragraph status = new Paragraph(getTranslation("qbr.status." + review.status().name()));
    status.setId("qbr-follow-up-status");
    add(status, new TargetsTable(review.target(), review.actuals()));
    TextArea note = new TextArea(getTranslation("qbr.followUp.note"));
    note.setId("qbr-follow-up-note");
    note.setMaxLength(2000);
    note.setWidth("40em");
    add(note);
    Button submit =
        new Button(
            getTranslation("qbr.followUp.submit"),
            click -> {
              try {
                tasks.followedUp(task.taskKey(), note.getValue());
                ReviewMessages.done(this, getTranslation("qbr.followUp.sent"));
                done.run();
              } catch (RuntimeException refused) {
                if (!ReviewMessages.isRefusal(refused)) {
                  throw refused;
                }
                ReviewMessages.refused(this, refused);
              }
            });
    submit.setId("qbr-follow-up-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(submit);
  }
}
