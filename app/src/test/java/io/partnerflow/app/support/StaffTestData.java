package io.partnerflow.app.support;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fresh staff users, so a test's counts and notices are its own, and logging in as them. */
public final class StaffTestData {

  private StaffTestData() {}

  /** A new enabled staff user in the groups, with an e-mail address; returns the username. */
  public static String staffUser(
      UserAccountService users, String prefix, Role role, String... groups) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    users.createIfAbsent(
        new NewUserAccount(
            username,
            "Secret-pass-123",
            "Sam " + username,
            username + "@staff.example",
            Set.of(role),
            Set.of(groups)));
    return username;
  }

  /** A new partner manager of the team leads' group. */
  public static String teamLead(UserAccountService users) {
    return staffUser(users, "lead", Role.PARTNER_MANAGER, "partner-manager-leads");
  }

  /** A new partner manager. */
  public static String partnerManager(UserAccountService users) {
    return staffUser(users, "manager", Role.PARTNER_MANAGER, "partner-managers");
  }

  /** Sets the caller as after a real login (the account's roles as authorities). */
  public static void loginAs(UserDetailsService users, String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
