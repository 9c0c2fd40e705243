package io.partnerflow.app.portal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.portal.ColleagueInvitation;
import io.partnerflow.app.portal.InvalidInvitationException;
import io.partnerflow.app.portal.PortalColleagues;
import io.partnerflow.app.security.PortalMember;
import io.partnerflow.app.security.PortalRole;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The organisation's portal users and, for the main contact, the invitation of a colleague (name,
 * e-mail, portal role). Open before the agreement is signed: the main contact may name the
 * signatory.
 */
@Route("portal/colleagues")
@RolesAllowed("PARTNER")
@Menu(order = 6, title = "nav.colleagues", icon = "USERS")
public class ColleaguesView extends VerticalLayout implements HasDynamicTitle {

  private final PortalColleagues colleagues;
  private final TextField name = new TextField();
  private final EmailField email = new EmailField();
  private final Select<PortalRole> role = new Select<>();
  private final Grid<PortalMember> grid = new Grid<>();

  public ColleaguesView(PortalColleagues colleagues) {
    this.colleagues = colleagues;
    setId("colleagues-view");
    add(new H2(getTranslation("nav.colleagues")));
    if (colleagues.mayInvite()) {
      add(new H3(getTranslation("portal.invite.title")), inviteForm());
    } else {
      add(new Paragraph(getTranslation("portal.invite.mainContactOnly")));
    }
    add(grid());
  }

  private HorizontalLayout inviteForm() {
    name.setId("colleague-name");
    name.setLabel(getTranslation("portal.colleague.name"));
    name.setMaxLength(200);
    email.setId("colleague-email");
    email.setLabel(getTranslation("portal.colleague.email"));
    role.setId("colleague-role");
    role.setLabel(getTranslation("portal.colleague.role"));
    role.setItems(PortalRole.forColleagues().stream().sorted().toList());
    role.setItemLabelGenerator(value -> getTranslation("portal.role." + value.name()));
    Button invite = new Button(getTranslation("portal.invite.send"), click -> invite());
    invite.setId("invite-colleague");
    invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout form = new HorizontalLayout(name, email, role, invite);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    return form;
  }

  private Grid<PortalMember> grid() {
    grid.setId("colleague-grid");
    grid.addColumn(PortalMember::displayName).setHeader(getTranslation("portal.colleague.name"));
    grid.addColumn(PortalMember::username).setHeader(getTranslation("portal.colleague.email"));
    grid.addColumn(
            member ->
                member.roles().stream()
                    .sorted()
                    .map(value -> getTranslation("portal.role." + value.name()))
                    .collect(Collectors.joining(", ")))
        .setHeader(getTranslation("portal.colleague.roles"));
    grid.addColumn(member -> getTranslation("portal.state." + member.state().name()))
        .setHeader(getTranslation("portal.colleague.state"));
    grid.setAllRowsVisible(true);
    grid.setItems(colleagues.colleagues());
    return grid;
  }

  private void invite() {
    clearErrors();
    try {
      PortalMember invited =
          colleagues.invite(
              new ColleagueInvitation(name.getValue(), email.getValue(), role.getValue()),
              getLocale());
      Notification.show(
              getTranslation("portal.invite.sent", invited.username()),
              5000,
              Notification.Position.TOP_CENTER)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      name.clear();
      email.clear();
      role.clear();
      grid.setItems(colleagues.colleagues());
    } catch (InvalidInvitationException invalid) {
      // the values stay as typed; each field says what is wrong
      for (Map.Entry<String, String> error : invalid.errors().entrySet()) {
        HasValidation field =
            switch (error.getKey()) {
              case "name" -> name;
              case "email" -> email;
              default -> role;
            };
        field.setErrorMessage(getTranslation(error.getValue()));
        field.setInvalid(true);
      }
    }
  }

  private void clearErrors() {
    for (HasValidation field : new HasValidation[] {name, email, role}) {
      field.setInvalid(false);
      field.setErrorMessage(null);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.colleagues") + " | " + getTranslation("app.name");
  }
}
