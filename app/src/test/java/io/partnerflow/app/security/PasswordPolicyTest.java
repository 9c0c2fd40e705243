package io.partnerflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerflow.app.security.PasswordPolicy.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** BCrypt's 72 bytes as a rule with a clear message, for invited users and the first admin. */
class PasswordPolicyTest {

  @Test
  void shouldMeasureTheMaximumInUtf8BytesAndTheMinimumInCharacters() {
    assertThat(PasswordPolicy.check("a".repeat(72))).isEmpty();
    assertThat(PasswordPolicy.check("a".repeat(73))).contains(Violation.TOO_LONG);
    assertThat(PasswordPolicy.check("密".repeat(24))).isEmpty();
    assertThat(PasswordPolicy.check("密".repeat(25))).contains(Violation.TOO_LONG);
    assertThat(PasswordPolicy.check("a".repeat(11))).contains(Violation.TOO_SHORT);
    assertThat(PasswordPolicy.check("密".repeat(12))).isEmpty();
    assertThat(PasswordPolicy.check(null)).contains(Violation.TOO_SHORT);
  }

  @Test
  void shouldNeverLetAPasswordBeyond72BytesLogInOnItsFirst72() {
    // given
    Bcrypt72PasswordEncoder encoder = new Bcrypt72PasswordEncoder();
    String stored = encoder.encode("a".repeat(72));

    // then: plain BCrypt would match the longer one, cut at 72 bytes
    assertThat(encoder.matches("a".repeat(72), stored)).isTrue();
    assertThat(encoder.matches("a".repeat(72) + "anything", stored)).isFalse();
    assertThatThrownBy(() -> encoder.encode("密".repeat(25)))
        .isInstanceOf(PasswordPolicyException.class)
        .hasMessageContaining("72 bytes");
  }

  @Test
  void shouldRefuseToStartWithAnInitialAdminPasswordTheInvitationWouldRefuse() {
    // given: no administrator yet
    UserAccountService users = mock(UserAccountService.class);
    when(users.anyUserWithRole(Role.ADMIN)).thenReturn(false);

    // when / then
    for (String password : new String[] {"short", "管理员密码".repeat(5)}) {
      InitialAdministrator administrator = new InitialAdministrator(users, password);
      assertThatThrownBy(() -> administrator.run(null))
          .isInstanceOf(InitialAdminPasswordException.class)
          .hasMessageContaining("PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD");
    }
    verify(users, never()).createIfAbsent(any());
  }

  @Test
  void shouldExplainTheRefusedPasswordInTheStartupReport() {
    // given
    InitialAdminPasswordException failure = new InitialAdminPasswordException(Violation.TOO_LONG);

    // when
    FailureAnalysis analysis =
        new InitialAdminPasswordFailureAnalyzer()
            .analyze(new IllegalStateException("Failed to execute ApplicationRunner", failure));

    // then
    assertThat(analysis.getDescription())
        .contains("PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD")
        .contains("72 bytes");
    assertThat(analysis.getAction()).contains("at least 12 characters");
  }

  @Test
  void shouldCreateTheAdministratorWithAPasswordWithinThePolicy() {
    UserAccountService users = mock(UserAccountService.class);
    when(users.anyUserWithRole(Role.ADMIN)).thenReturn(false);

    new InitialAdministrator(users, "a long enough admin password").run(null);

    verify(users).createIfAbsent(any());
  }
}
