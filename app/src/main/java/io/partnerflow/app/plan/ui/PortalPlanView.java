package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanConflictException;
import io.partnerflow.app.plan.PlanRefusedException;
import io.partnerflow.app.plan.PlanStatus;
import io.partnerflow.app.plan.PlanStep;
import io.partnerflow.app.plan.PlanValidationException;
import io.partnerflow.app.plan.PlanVersion;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;

/**
 * The partner's joint business plan in the portal: edit the draft (with the manager's comments per
 * section), submit it, sign it off, see approved versions read-only and start a change. A save that
 * meets a newer version asks whether to reload or keep one's own input; the input stays meanwhile.
 * (public: the route discovery of the UI tests sees public views only)
 */
@Route("portal/plan")
@RolesAllowed("PARTNER")
@Menu(order = 9, title = "nav.plan", icon = "CHART")
class PortalPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final BusinessPlans plans;
  private final CurrentUser currentUser;
  private long partnerId;
  private int lock;
  private PlanEditor editor;

  PortalPlanView(BusinessPlans plans, CurrentUser currentUser) {
    this.plans = plans;
    this.currentUser = currentUser;
    setId("plan-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Long organisation = currentUser.get().map(UserAccount::partnerId).orElse(null);
    if (organisation == null) {
      removeAll();
      add(new H2(getTranslation("nav.plan")), new Paragraph(getTranslation("plan.none")));
      return;
    }
    partnerId = organisation;
    render();
  }

  private void render() {
    removeAll();
    add(new H2(getTranslation("nav.plan")));
    List<PlanVersion> versions = plans.versions(partnerId);
    if (versions.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("plan.none"));
      none.setId("plan-none");
      add(none);
      return;
    }
    PlanVersion current = versions.get(0);
    Set<PlanStep> steps = plans.myOpenSteps(partnerId);
    boolean editable = current.status().editable() && steps.contains(PlanStep.DRAFT);
    lock = current.lockVersion();
    Paragraph status = PlanLabels.status(current, this);
    add(status);
    editor = new PlanEditor(plans.productLines(), !editable);
    editor.setValue(current.content());
    if (current.status() == PlanStatus.RETURNED) {
      editor.showComments(current.reviewComments());
    }
    add(editor);
    add(actions(current, steps, editable));
    for (PlanVersion earlier : versions.subList(1, versions.size())) {
      if (earlier.status() == PlanStatus.APPROVED) {
        PlanEditor readOnly = new PlanEditor(plans.productLines(), true);
        readOnly.setValue(earlier.content());
        Details details =
            new Details(
                getTranslation(
                    "plan.approvedVersion",
                    earlier.versionNo(),
                    PlanLabels.date(earlier.approvedAt(), getLocale())),
                readOnly);
        details.setId("plan-version-" + earlier.versionNo());
        add(details);
      }
    }
  }

  private HorizontalLayout actions(PlanVersion current, Set<PlanStep> steps, boolean editable) {
    HorizontalLayout actions = new HorizontalLayout();
    if (editable) {
      Button save = new Button(getTranslation("plan.save"), e -> save(false));
      save.setId("plan-save");
      Button submit = new Button(getTranslation("plan.submit"), e -> save(true));
      submit.setId("plan-submit");
      submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      actions.add(save, submit);
    }
    if (steps.contains(PlanStep.PARTNER_SIGN_OFF)) {
      Button signOff = new Button(getTranslation("plan.signOff"), e -> signOff());
      signOff.setId("plan-sign-off");
      signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      actions.add(signOff);
    }
    if (current.status() == PlanStatus.APPROVED) {
      Button change = new Button(getTranslation("plan.startChange"), e -> startChange());
      change.setId("plan-start-change");
      actions.add(change);
    }
    return actions;
  }

  private void save(boolean thenSubmit) {
    editor.clearErrors();
    try {
      lock = plans.save(partnerId, lock, editor.value()).lockVersion();
      if (thenSubmit) {
        plans.submit(partnerId);
        notify("plan.submitted");
        render();
      } else {
        notify("plan.saved");
      }
    } catch (PlanValidationException invalid) {
      editor.showErrors(invalid.fieldErrors());
    } catch (PlanConflictException conflict) {
      new ConflictDialog(
              conflict,
              getLocale(),
              this::render,
              () -> {
                lock = conflict.currentLockVersion();
                save(thenSubmit);
              })
          .open();
    } catch (PlanRefusedException refused) {
      notify(refused.messageKey());
    }
  }

  private void signOff() {
    try {
      plans.signOff(partnerId);
      notify("plan.signedOff");
    } catch (PlanRefusedException refused) {
      notify(refused.messageKey());
    }
    render();
  }

  private void startChange() {
    try {
      plans.startChange(partnerId);
    } catch (PlanRefusedException refused) {
      notify(refused.messageKey());
    }
    render();
  }

  private void notify(String key) {
    Notification note = Notification.show(getTranslation(key));
    note.setId("plan-notification");
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.plan");
  }
}
