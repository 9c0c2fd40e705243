package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.security.throttle.LoginThrottle;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Administrators see every user with roles and groups, and change a user's roles and status. */
@Route("admin/users")
@RolesAllowed("ADMIN")
@Menu(order = 90, title = "nav.users", icon = "USERS")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

  public UsersView(UserAccountService users, LoginThrottle throttle) {
    setId("users-view");
    setSizeFull();
    Grid<UserAccount> grid = new Grid<>();
    grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username"));
    grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.name"));
    grid.addColumn(UserAccount::email).setHeader(getTranslation("users.email"));
    grid.addColumn(
            user ->
                user.roles().stream()
                    .map(Role::name)
                    .map(role -> getTranslation("role." + role))
                    .sorted()
                    .collect(Collectors.joining(", ")))
        .setHeader(getTranslation("users.roles"));
    grid.addColumn(user -> String.join(", ", user.groups().stream().sorted().toList()))
        .setHeader(getTranslation("users.groups"));
    grid.addColumn(user -> getTranslation(user.enabled() ? "users.enabled" : "users.disabled"))
        .setHeader(getTranslation("users.status"));
    grid.setId("users-grid");
    grid.setItems(users.findAll());
    UserEditor editor = new UserEditor(users, () -> grid.setItems(users.findAll()));
    grid.asSingleSelect().addValueChangeListener(event -> editor.edit(event.getValue()));
    add(grid, editor, new LoginBlocksSection(throttle));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.users") + " | " + getTranslation("app.name");
  }
}
