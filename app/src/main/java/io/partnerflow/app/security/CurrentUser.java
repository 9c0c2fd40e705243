package io.partnerflow.app.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** The logged-in user of the current request, as an account with roles and groups. */
@Component
public class CurrentUser {

  private final AuthenticationContext authentication;
  private final UserAccountService users;

  CurrentUser(AuthenticationContext authentication, UserAccountService users) {
    this.authentication = authentication;
    this.users = users;
  }

  public Optional<UserAccount> get() {
    return authentication
        .getAuthenticatedUser(UserDetails.class)
        .flatMap(details -> users.findByUsername(details.getUsername()));
  }

  public void logout() {
    authentication.logout();
  }
}
