package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.partnerflow.app.security.AccountChangeRefusedException;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Set;

/**
 * Roles and enabled of the selected user. The service refuses what must not happen (an
 * administrator locking themselves out) and records each change in the audit trail.
 */
class UserEditor extends VerticalLayout {

  private final UserAccountService users;
  private final Runnable saved;
  private final H3 title = new H3();
  private final MultiSelectComboBox<Role> roles = new MultiSelectComboBox<>();
  private final Checkbox enabled = new Checkbox();
  private UserAccount user;

  UserEditor(UserAccountService users, Runnable saved) {
    this.users = users;
    this.saved = saved;
    setId("user-editor");
    setPadding(false);
    setVisible(false);
    roles.setId("user-roles");
    roles.setLabel(getTranslation("users.roles"));
    roles.setItems(Role.values());
    roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
    enabled.setId("user-enabled");
    enabled.setLabel(getTranslation("users.enabled"));
    Button save = new Button(getTranslation("users.save"), click -> save());
    save.setId("user-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout fields = new HorizontalLayout(roles, enabled, save);
    fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(title, fields);
  }

  void edit(UserAccount selected) {
    user = selected;
    setVisible(selected != null);
    if (selected != null) {
      title.setText(selected.username());
      roles.setValue(selected.roles());
      enabled.setValue(selected.enabled());
    }
  }

  private void save() {
    Set<Role> chosen = Set.copyOf(roles.getValue());
    if (chosen.isEmpty()) {
      roles.setErrorMessage(getTranslation("users.error.noRole"));
      roles.setInvalid(true);
      return;
    }
    roles.setInvalid(false);
    try {
      users.changeRoles(user.username(), chosen);
      users.setEnabled(user.username(), enabled.getValue());
    } catch (AccountChangeRefusedException refused) {
      // what was chosen stays on screen
      Notification.show(getTranslation(refused.messageKey()))
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return;
    }
    Notification.show(getTranslation("users.saved"))
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    saved.run();
  }
}
