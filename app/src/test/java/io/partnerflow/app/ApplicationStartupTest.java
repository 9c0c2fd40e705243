package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PartnerflowTest
class ApplicationStartupTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserAccountService users;

  @Test
  void shouldApplyTheAppChangelogToSchemaApp() {
    // when
    long applied =
        jdbc.sql("SELECT count(*) FROM public.databasechangelog WHERE id LIKE '001-%'")
            .query(Long.class)
            .single();
    long groups = jdbc.sql("SELECT count(*) FROM app.app_group").query(Long.class).single();

    // then
    assertThat(applied).isEqualTo(2);
    assertThat(groups).isGreaterThanOrEqualTo(5);
  }

  @Test
  void shouldCreateOneDemoUserPerRoleWithTheDemoProfile() {
    // then
    for (Role role : Role.values()) {
      assertThat(users.anyUserWithRole(role)).as("a demo user with role %s", role).isTrue();
    }
    UserAccount manager = users.findByUsername("manager").orElseThrow();
    assertThat(manager.roles()).containsExactly(Role.PARTNER_MANAGER);
    assertThat(manager.groups()).containsExactly("partner-managers");
    assertThat(manager.passwordHash()).startsWith("$2a$").doesNotContain("demo");
  }
}
