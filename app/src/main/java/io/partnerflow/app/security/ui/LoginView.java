package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.base.ui.LanguageSwitch;
import io.partnerflow.app.security.throttle.LoginBlockedException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.security.web.WebAttributes;

/** The login page; Spring Security handles the POST to /login. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final LoginForm form = new LoginForm();

  public LoginView() {
    setId("login-view");
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(translatedI18n());
    add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.tagline")), form);
    add(new LanguageSwitch());
  }

  private LoginI18n translatedI18n() {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle(getTranslation("login.title"));
    i18n.getForm().setUsername(getTranslation("login.username"));
    i18n.getForm().setPassword(getTranslation("login.password"));
    i18n.getForm().setSubmit(getTranslation("login.submit"));
    i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
    i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
    return i18n;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
    LoginI18n i18n = translatedI18n();
    lastFailure()
        .filter(failure -> failed && failure instanceof LoginBlockedException)
        .map(LoginBlockedException.class::cast)
        .ifPresent(
            blocked -> {
              // the same words whether the account exists or not: unknown names are counted too
              i18n.getErrorMessage().setTitle(getTranslation("login.blocked.title"));
              i18n.getErrorMessage()
                  .setMessage(getTranslation("login.blocked.message", untilText(blocked)));
            });
    form.setI18n(i18n);
    form.setError(failed);
  }

  /** What Spring Security's failure handler kept in the session for the next page. */
  private static Optional<Object> lastFailure() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || session.getSession() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
  }

  private String untilText(LoginBlockedException blocked) {
    return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
        .withLocale(getLocale())
        .withZone(DisplayZone.get())
        .format(blocked.until().plusSeconds(59).truncatedTo(ChronoUnit.MINUTES));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.title") + " | " + getTranslation("app.name");
  }
}
