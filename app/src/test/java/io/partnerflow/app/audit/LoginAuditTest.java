package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.LoginRequests;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Logins over real HTTP: form login success and failure, HTTP Basic failures on the actuator and on
 * the engine's /v2; failures carry the username as typed and the address, never the password.
 */
@PartnerflowTest
class LoginAuditTest {

  private static final String PASSWORD = "a long enough password";
  private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

  @Autowired AuditLog auditLog;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  @Value("${local.server.port}")
  int port;

  private LoginRequests requests;

  @BeforeEach
  void connect() {
    requests = new LoginRequests(port);
  }

  @AfterEach
  void forgetTheLoopbackAddress() {
    LoginRequests.forgetTheLoopbackAddress(jdbc);
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRecordASuccessfulFormLogin() throws Exception {
    // given
    String user = newUser(Role.PARTNER_MANAGER);

    // when
    String location = requests.formLogin(user, PASSWORD);

    // then
    assertThat(location).doesNotContain("error");
    AuditEntry entry = single(user);
    assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_SUCCEEDED);
    assertThat(entry.actor()).isEqualTo(user);
    assertThat(entry.clientAddress()).isIn(LOOPBACK);
  }

  @Test
  void shouldRecordAFailedFormLoginWithTheNameAsTypedAndNoPassword() throws Exception {
    // given: a name no account has
    String typed = AuditTestData.uniqueId("Nobody Typed This");

    // when
    String location = requests.formLogin(typed, "wrong-password-" + typed);

    // then
    assertThat(location).endsWith("/login?error");
    AuditEntry entry = single(typed);
    assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    assertThat(entry.actor()).isEqualTo("anonymous");
    assertThat(entry.clientAddress()).isIn(LOOPBACK);
    assertThat(entry.after()).contains("BadCredentialsException").doesNotContain("wrong-password");
  }

  @Test
  void shouldRecordAFailedHttpBasicLoginOnTheActuator() throws Exception {
    // given
    String admin = newUser(Role.ADMIN);

    // when
    int status =
        requests
            .get("/actuator/prometheus", LoginRequests.basic(admin, "wrong password"))
            .statusCode();

    // then
    assertThat(status).isEqualTo(401);
    AuditEntry entry = single(admin);
    assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    assertThat(entry.clientAddress()).isIn(LOOPBACK);
  }

  @Test
  void shouldRecordAFailedCredentialOnTheEngineApi() throws Exception {
    // given
    String typed = AuditTestData.uniqueId("engine-guess");

    // when
    int status = requests.get("/v2/topology", LoginRequests.basic(typed, "guess")).statusCode();

    // then: the entry is written after the 401 went out, so it may come a moment later
    assertThat(status).isEqualTo(401);
    actAsAdmin();
    AuditFilter filter = AuditFilter.all().withSubject(AuditSubject.USER, typed);
    for (int attempt = 0; attempt < 50 && auditLog.count(filter) == 0; attempt++) {
      Thread.sleep(100);
    }
    AuditEntry entry = single(typed);
    assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    assertThat(entry.clientAddress()).isIn(LOOPBACK);
    assertThat(entry.after()).doesNotContain("guess\"");
  }

  @Test
  void shouldRecordARefusalWhileTheAccountIsBlocked() throws Exception {
    // given: failures up to the slow-down, then the right password while blocked
    String user = newUser(Role.PARTNER_MANAGER);
    for (int i = 0; i < 20; i++) {
      requests.formLogin(user, "wrong password");
    }

    // when
    requests.formLogin(user, PASSWORD);

    // then: every attempt is there, including the ones refused unchecked
    actAsAdmin();
    assertThat(
            auditLog.count(
                AuditFilter.all()
                    .withSubject(AuditSubject.USER, user)
                    .withAction(AuditAction.LOGIN_FAILED)))
        .isEqualTo(21);
  }

  private AuditEntry single(String subjectId) {
    actAsAdmin();
    List<AuditEntry> entries =
        auditLog.find(AuditFilter.all().withSubject(AuditSubject.USER, subjectId), 0, 10).stream()
            .filter(entry -> entry.action() != AuditAction.USER_CHANGED)
            .toList();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private String newUser(Role role) {
    String username = AuditTestData.uniqueId("login");
    users.createIfAbsent(new NewUserAccount(username, PASSWORD, "L", null, Set.of(role), Set.of()));
    return username;
  }
}
