package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.form.ui.FormRenderer;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationStatusPage;
import io.partnerflow.app.recruitment.application.InformationRequest;
import io.partnerflow.app.recruitment.application.InformationRequestClosedException;
import io.partnerflow.app.recruitment.application.InvalidApplicationException;
import java.util.Map;
import java.util.Optional;

/**
 * The applicant's status page, reached only through the unguessable link: the company, the current
 * stage, the history, and the form of an open information request. Any other token — unknown or
 * malformed — gets the same "not found" page.
 */
@Route(value = "apply/status/:token", layout = PublicLayout.class, autoLayout = false)
@AnonymousAllowed
class ApplicationStatusView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final ApplicationService applications;
  private final FormRenderer renderer;
  private final MessageArea message = new MessageArea("status-message");
  private String token;
  private ApplicationStatusPage page;

  public ApplicationStatusView(ApplicationService applications, I18NProvider messages) {
    this.applications = applications;
    this.renderer = new FormRenderer(messages);
    setId("application-status-view");
    setPadding(false);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    token = event.getRouteParameters().get("token").orElse("");
    Optional<ApplicationStatusPage> found = applications.statusPage(token);
    if (found.isEmpty()) {
      event.rerouteToError(NotFoundException.class, getTranslation("apply.status.notFound"));
      return;
    }
    page = found.get();
    show();
  }

  private void show() {
    removeAll();
    H2 company = new H2(page.application().companyName());
    company.setId("status-company");
    Span stage =
        new Span(
            getTranslation(
                "apply.status.stage", StatusLabels.of(this, page.application().status())));
    stage.setId("status-stage");
    add(company, stage, message);
    page.informationRequest().ifPresent(this::showInformationRequest);
    add(
        new H3(getTranslation("apply.status.history")),
        new StatusHistory(page.history(), getLocale()));
  }

  private void showInformationRequest(InformationRequest request) {
    RenderedForm form = renderer.render(request.form(), request.variables(), getLocale());
    form.setId("information-form");
    Button send =
        new Button(
            getTranslation("apply.status.information.submit"), click -> answer(request, form));
    send.setId("information-submit");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    VerticalLayout box =
        new VerticalLayout(new H3(getTranslation("apply.status.information")), form);
    box.setId("information-request");
    box.setPadding(false);
    box.add(send);
    add(box);
  }

  private void answer(InformationRequest request, RenderedForm form) {
    Optional<Map<String, Object>> values = form.submit();
    if (values.isEmpty()) {
      message.error(getTranslation("apply.error.invalid"));
      return;
    }
    try {
      applications.answerInformationRequest(token, request.taskKey(), values.get());
      reload();
      message.success(getTranslation("apply.status.information.sent"));
    } catch (InvalidApplicationException invalid) {
      form.validate();
      message.error(getTranslation("apply.error.invalid"));
      message.details(FieldErrors.texts(this, invalid.errors()));
    } catch (InformationRequestClosedException closed) {
      reload();
      message.error(getTranslation("apply.status.information.closed"));
    }
  }

  private void reload() {
    applications.statusPage(token).ifPresent(found -> page = found);
    show();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("apply.status.title") + " | " + getTranslation("app.name");
  }
}
