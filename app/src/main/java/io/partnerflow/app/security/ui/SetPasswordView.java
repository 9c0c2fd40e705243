package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.base.ui.LanguageSwitch;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PasswordPolicy;
import java.util.Optional;

/** Where an invited user sets their first password, through the one-time link of the e-mail. */
@Route(value = "invitation/:token", autoLayout = false)
@AnonymousAllowed
public class SetPasswordView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final InvitationService invitations;
  private final PasswordField password = new PasswordField();
  private final PasswordField repeat = new PasswordField();
  private final Paragraph outcome = new Paragraph();
  private String token;

  public SetPasswordView(InvitationService invitations) {
    this.invitations = invitations;
    setId("set-password-view");
    setAlignItems(Alignment.CENTER);
    password.setId("new-password");
    password.setLabel(getTranslation("invitation.password"));
    password.setHelperText(getTranslation("invitation.minimum", PasswordPolicy.MINIMUM_LENGTH));
    password.setMinLength(PasswordPolicy.MINIMUM_LENGTH);
    password.setRequired(true);
    repeat.setId("repeat-password");
    repeat.setLabel(getTranslation("invitation.repeat"));
    repeat.setRequired(true);
    outcome.setId("invitation-outcome");
    Button save = new Button(getTranslation("invitation.save"), click -> save());
    save.setId("save-password");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H1(getTranslation("invitation.title")),
        password,
        repeat,
        save,
        outcome,
        new LanguageSwitch());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    token = event.getRouteParameters().get("token").orElse("");
  }

  private void save() {
    password.setInvalid(false);
    repeat.setInvalid(false);
    Optional<PasswordPolicy.Violation> violation = PasswordPolicy.check(password.getValue());
    if (violation.isPresent()) {
      password.setErrorMessage(
          violation.get() == PasswordPolicy.Violation.TOO_LONG
              ? getTranslation("invitation.maximum", PasswordPolicy.MAXIMUM_BYTES)
              : getTranslation("invitation.minimum", PasswordPolicy.MINIMUM_LENGTH));
      password.setInvalid(true);
      return;
    }
    if (!password.getValue().equals(repeat.getValue())) {
      repeat.setErrorMessage(getTranslation("invitation.mismatch"));
      repeat.setInvalid(true);
      return;
    }
    if (invitations.setPassword(token, password.getValue())) {
      outcome.setText(getTranslation("invitation.done"));
      getUI().ifPresent(ui -> ui.navigate(LoginView.class));
    } else {
      outcome.setText(getTranslation("invitation.invalid"));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("invitation.title") + " | " + getTranslation("app.name");
  }
}
