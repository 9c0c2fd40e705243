package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanRefusedException;
import io.partnerflow.app.plan.PlanSection;
import io.partnerflow.app.plan.PlanStep;
import io.partnerflow.app.plan.PlanValidationException;
import io.partnerflow.app.plan.PlanVersion;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.ui.TaskPanelProvider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The plan's screens in the task list: the manager's review (approve, or return with comments per
 * section), the sign-offs, and for the partner's draft a way to the plan page. What they do goes
 * through {@link BusinessPlans}, which checks on the server who may.
 */
@org.springframework.stereotype.Component
class PlanTaskPanels implements TaskPanelProvider {

  private final BusinessPlans plans;

  PlanTaskPanels(BusinessPlans plans) {
    this.plans = plans;
  }

  @Override
  public Set<String> elementIds() {
    return Stream.of(PlanStep.values()).map(PlanStep::elementId).collect(Collectors.toSet());
  }

  @Override
  public Component create(TaskDetails details, Runnable done) {
    long partnerId = ((Number) details.variables().get("partnerId")).longValue();
    PlanStep step = PlanStep.ofElement(details.task().elementId()).orElseThrow();
    VerticalLayout panel = new VerticalLayout();
    panel.setPadding(false);
    panel.setId("plan-task-panel");
    if (step == PlanStep.DRAFT) {
      RouterLink open =
          new RouterLink(panel.getTranslation("plan.task.openDraft"), PortalPlanView.class);
      open.setId("plan-open-editor");
      panel.add(new Paragraph(panel.getTranslation("plan.task.draftHint")), open);
      return panel;
    }
    PlanVersion version = plans.current(partnerId).orElseThrow();
    panel.add(PlanLabels.status(version, panel));
    PlanEditor editor = new PlanEditor(plans.productLines(), true);
    editor.setValue(version.content());
    panel.add(editor);
    Paragraph error = new Paragraph();
    error.setId("plan-task-error");
    error.addClassName("plan-error");
    error.setVisible(false);
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    panel.add(error);
    if (step == PlanStep.REVIEW) {
      panel.add(review(partnerId, panel, error, done));
    } else {
      Button signOff =
          new Button(
              panel.getTranslation("plan.signOff"),
              e -> act(() -> plans.signOff(partnerId), panel, error, done));
      signOff.setId("plan-sign-off-task");
      signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      panel.add(signOff);
    }
    return panel;
  }

  private Component review(long partnerId, Component in, Paragraph error, Runnable done) {
    VerticalLayout review = new VerticalLayout();
    review.setPadding(false);
    Map<PlanSection, TextArea> comments = new EnumMap<>(PlanSection.class);
    for (PlanSection section : PlanSection.values()) {
      TextArea comment =
          new TextArea(
              in.getTranslation(
                  "plan.review.commentOn", in.getTranslation("plan.section." + section.name())));
      comment.setId("plan-review-comment-" + section.name());
      comment.setWidthFull();
      comment.setMaxLength(2000);
      comments.put(section, comment);
      review.add(comment);
    }
    Button approve =
        new Button(
            in.getTranslation("plan.review.approve"),
            e -> act(() -> plans.approveReview(partnerId), in, error, done));
    approve.setId("plan-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button giveBack =
        new Button(
            in.getTranslation("plan.review.return"),
            e -> {
              Map<PlanSection, String> texts = new EnumMap<>(PlanSection.class);
              comments.forEach((section, area) -> texts.put(section, area.getValue()));
              act(() -> plans.returnForChanges(partnerId, texts), in, error, done);
            });
    giveBack.setId("plan-return");
    review.add(new HorizontalLayout(approve, giveBack));
    return review;
  }

  private static void act(Runnable step, Component in, Paragraph error, Runnable done) {
    try {
      step.run();
      done.run();
    } catch (PlanValidationException invalid) {
      error.setText(
          invalid.fieldErrors().values().stream()
              .map(in::getTranslation)
              .distinct()
              .collect(Collectors.joining(" ")));
      error.setVisible(true);
    } catch (PlanRefusedException refused) {
      error.setText(in.getTranslation(refused.messageKey()));
      error.setVisible(true);
    }
  }
}
