package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.qbr.PartnerReview;
import io.partnerflow.app.qbr.ReviewTask;
import io.partnerflow.app.qbr.ReviewTasks;
import io.partnerflow.app.qbr.SelfAssessment;

/** The partner's self-assessment of a quarter, in the portal's task view. */
class SelfAssessmentPanel extends VerticalLayout {

  private final TextArea text = new TextArea();
  private final IntegerField newCustomers = new IntegerField();
  private final BigDecimalField revenue = new BigDecimalField();
  private final TextField note = new TextField();

  SelfAssessmentPanel(ReviewTask task, ReviewTasks tasks, Runnable done) {
    setId("qbr-self-assessment-panel");
    setPadding(false);
    PartnerReview review = task.partnerView();
    add(new H3(task.partnerName() + " · " + review.quarter()));
    add(new Paragraph(getTranslation("qbr.selfAssess.intro")));
    add(new TargetsTable(review.target(), review.actuals()));
    newCustomers.setId("qbr-new-customers");
    newCustomers.setLabel(getTranslation("qbr.measure.newCustomers"));
    newCustomers.setMin(0);
    revenue.setId("qbr-revenue");
    revenue.setLabel(getTranslation("qbr.measure.revenue", review.target().currency()));
    note.setId("qbr-actuals-note");
    note.setLabel(getTranslation("qbr.actualsNote"));
    note.setMaxLength(2000);
    HorizontalLayout actuals = new HorizontalLayout(newCustomers, revenue, note);
    actuals.setWrap(true);
    add(actuals);
    text.setId("qbr-self-assessment-text");
    text.setLabel(getTranslation("qbr.selfAssess.text"));
    text.setMaxLength(4000);
    text.setWidth("40em");
    text.setMinHeight("8em");
    add(text);
    Button submit =
        new Button(
            getTranslation("qbr.selfAssess.submit"),
            click -> {
              try {
                tasks.submitSelfAssessment(
                    task.taskKey(),
                    new SelfAssessment(
                        text.getValue(),
                        newCustomers.getValue(),
                        revenue.getValue(),
                        note.getValue()));
                ReviewMessages.done(this, getTranslation("qbr.selfAssess.sent"));
                done.run();
              } catch (RuntimeException refused) {
                if (!ReviewMessages.isRefusal(refused)) {
                  throw refused;
                }
                ReviewMessages.refused(this, refused);
              }
            });
    submit.setId("qbr-self-assessment-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(submit);
  }
}
