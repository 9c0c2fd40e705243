package io.partnerflow.app.security;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With profile {@code demo}: one user per role on first start, all with the demo password. */
@Component
@Profile("demo")
@Order(0)
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final UserAccountService users;
  private final String password;

  DemoUsers(UserAccountService users, @Value("${partnerflow.demo.password:demo}") String password) {
    this.users = users;
    this.password = password;
  }

  static List<NewUserAccount> accounts(String password) {
    return List.of(
        user("admin", password, "Ada Admin", Role.ADMIN, "admins"),
        user("manager", password, "Max Manager", Role.PARTNER_MANAGER, "partner-managers"),
        user("lead", password, "Lena Lead", Role.PARTNER_MANAGER, "partner-manager-leads"),
        user("legal", password, "Lou Legal", Role.LEGAL, "legal"),
        user("enablement", password, "Eve Enablement", Role.ENABLEMENT, "enablement"),
        user("partner", password, "Pat Partner", Role.PARTNER, "partners"));
  }

  private static NewUserAccount user(
      String username, String password, String name, Role role, String group) {
    return new NewUserAccount(
        username, password, name, username + "@demo.partnerflow.io", Set.of(role), Set.of(group));
  }

  @Override
  public void run(ApplicationArguments args) {
    long created = accounts(password).stream().filter(users::createIfAbsent).count();
    if (created > 0) {
      log.info("Demo profile: created {} demo users (password '{}')", created, password);
    }
  }
}
