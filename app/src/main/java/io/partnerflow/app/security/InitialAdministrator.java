package io.partnerflow.app.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile there are no default passwords: the first administrator is created only
 * when {@code PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD} is set.
 */
@Component
@Order(1)
class InitialAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

  private final UserAccountService users;
  private final String password;

  InitialAdministrator(
      UserAccountService users,
      @Value("${partnerflow.security.initial-admin-password:}") String password) {
    this.users = users;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.anyUserWithRole(Role.ADMIN)) {
      return;
    }
    if (!StringUtils.hasText(password)) {
      log.warn(
          "No administrator exists. Set PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD and restart"
              + " to create user 'admin', or run with the demo profile.");
      return;
    }
    PasswordPolicy.check(password)
        .ifPresent(
            violation -> {
              throw new InitialAdminPasswordException(violation);
            });
    users.createIfAbsent(
        new NewUserAccount(
            "admin", password, "Administrator", null, Set.of(Role.ADMIN), Set.of("admins")));
    log.info("Created the initial administrator 'admin'.");
  }
}
