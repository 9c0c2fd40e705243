package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAs;
import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** User administration (creation, roles, enabled) leaves one USER_CHANGED entry per change. */
@PartnerflowTest
class UserAuditTest {

  @Autowired UserAccountService users;
  @Autowired AuditLog auditLog;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRecordCreationRolesAndEnabledButNeverThePassword() {
    // given
    String username = AuditTestData.uniqueId("audited");
    users.createIfAbsent(
        new NewUserAccount(
            username,
            "a secret password nobody may read",
            "Audited",
            null,
            Set.of(Role.LEGAL),
            Set.of("legal")));
    actAs("admin", "ROLE_ADMIN");

    // when
    users.changeRoles(username, Set.of(Role.LEGAL, Role.PARTNER_MANAGER));
    users.changeRoles(username, Set.of(Role.LEGAL, Role.PARTNER_MANAGER)); // no change, no entry
    users.setEnabled(username, false);

    // then
    actAsAdmin();
    List<AuditEntry> entries =
        auditLog.find(AuditFilter.all().withSubject(AuditSubject.USER, username), 0, 10);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsOnly(AuditAction.USER_CHANGED)
        .hasSize(3);
    assertThat(entries.get(0).actor()).isEqualTo("admin");
    assertThat(entries.get(0).before()).isEqualTo("{\"enabled\": true}");
    assertThat(entries.get(0).after()).isEqualTo("{\"enabled\": false}");
    assertThat(entries.get(1).before()).isEqualTo("{\"roles\": [\"LEGAL\"]}");
    assertThat(entries.get(1).after()).isEqualTo("{\"roles\": [\"LEGAL\", \"PARTNER_MANAGER\"]}");
    assertThat(entries.get(2).actor()).isEqualTo("system");
    assertThat(entries.get(2).after()).contains("\"LEGAL\"").doesNotContain("secret");
    assertThat(users.findByUsername(username).orElseThrow().enabled()).isFalse();
    assertThat(users.findByUsername(username).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.LEGAL, Role.PARTNER_MANAGER);
  }

  @Test
  void shouldNotLetAnAdministratorLockThemselvesOutNorOthersChangeUsers() {
    // given
    actAs("admin", "ROLE_ADMIN");

    // when / then
    assertThatThrownBy(() -> users.setEnabled("admin", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("your own account");
    assertThatThrownBy(() -> users.changeRoles("admin", Set.of(Role.PARTNER_MANAGER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("your own administrator role");
    actAs("manager", "ROLE_PARTNER_MANAGER");
    assertThatThrownBy(() -> users.setEnabled("legal", false))
        .isInstanceOf(AccessDeniedException.class);
  }
}
