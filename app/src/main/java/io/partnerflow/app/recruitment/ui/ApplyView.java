package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.form.ui.FormRenderer;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.recruitment.application.ApplicationForm;
import io.partnerflow.app.recruitment.application.ApplicationRateLimitedException;
import io.partnerflow.app.recruitment.application.ApplicationReceipt;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.ApplicationsClosedException;
import io.partnerflow.app.recruitment.application.FormTicketException;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.InvalidApplicationException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public application form: the start form of the latest {@code partner-recruitment} version,
 * checked again on the server when submitted. Afterwards it shows the applicant's status link.
 */
@Route(value = "apply", layout = PublicLayout.class, autoLayout = false)
@AnonymousAllowed
class ApplyView extends VerticalLayout implements HasDynamicTitle {

  private static final Logger log = LoggerFactory.getLogger(ApplyView.class);

  private final ApplicationService applications;
  private final FormRenderer renderer;
  private final MessageArea message = new MessageArea("apply-message");
  private final TextField honeypot = Honeypot.field();
  private final FormTickets tickets;
  private RenderedForm form;
  private String ticket;

  public ApplyView(ApplicationService applications, FormTickets tickets, I18NProvider messages) {
    this.applications = applications;
    this.tickets = tickets;
    this.renderer = new FormRenderer(messages);
    setId("apply-view");
    setPadding(false);
    show();
  }

  private void show() {
    Optional<ApplicationForm> deployed;
    try {
      deployed = applications.applicationForm();
    } catch (RuntimeException e) {
      log.warn("Cannot read the application form from the engine: {}", e.toString());
      deployed = Optional.empty();
    }
    if (deployed.isEmpty()) {
      showClosed();
      return;
    }
    form =
        renderer.render(
            deployed.get().schema(), ApplicationForm.variables(getLocale()), getLocale());
    // kept on the server with the view; the service checks its signature and the time taken
    ticket = tickets.issue();
    form.setId("application-form");
    form.addSubmitListener(values -> submit());
    Button submit = new Button(getTranslation("apply.submit"), click -> submit());
    submit.setId("apply-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(message, form, honeypot, submit);
  }

  private void showClosed() {
    removeAll();
    Paragraph closed = new Paragraph(getTranslation("apply.closed"));
    closed.setId("applications-closed");
    add(new H2(getTranslation("apply.closed.title")), closed);
  }

  private void submit() {
    Optional<Map<String, Object>> values = form.submit();
    if (values.isEmpty()) {
      message.error(getTranslation("apply.error.invalid"));
      return;
    }
    try {
      ApplicationReceipt receipt =
          applications.submit(
              new ApplicationSubmission(
                  values.get(), honeypot.getValue(), remoteAddress(), getLocale(), ticket));
      showReceipt(receipt);
    } catch (InvalidApplicationException invalid) {
      form.validate(); // the fields show their own errors where the browser and server agree
      message.error(getTranslation("apply.error.invalid"));
      message.details(FieldErrors.texts(this, invalid.errors()));
    } catch (ApplicationRateLimitedException limited) {
      message.error(getTranslation("apply.error.rateLimited"));
    } catch (ApplicationsClosedException closed) {
      showClosed();
    } catch (FormTicketException refused) {
      if (refused.reason() == FormTicketException.Reason.TOO_FAST) {
        // a person who really was this quick sends again a moment later; a bot pays the wait
        message.error(getTranslation("apply.error.tooFast"));
      } else {
        ticket = tickets.issue();
        message.error(getTranslation("apply.error.expired"));
      }
    }
  }

  private void showReceipt(ApplicationReceipt receipt) {
    removeAll();
    H2 thanks = new H2(getTranslation("apply.received.title"));
    Paragraph text = new Paragraph(getTranslation("apply.received.text"));
    Anchor link = new Anchor(receipt.statusPath(), receipt.statusLink());
    link.setId("status-link");
    add(thanks, text, link);
  }

  /**
   * The sender's address as the servlet container reports it. X-Forwarded-For is never read here:
   * behind a reverse proxy, {@code server.forward-headers-strategy=native} makes the container take
   * the client's address from it (only from trusted proxies); without it, anybody could claim any
   * address and escape the per-address limit.
   */
  static String remoteAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? null : request.getRemoteAddr();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("apply.title") + " | " + getTranslation("app.name");
  }
}
