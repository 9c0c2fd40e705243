package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
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

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void forgetTheLoopbackAddress() {
    // failures count against the loopback address: leave it unblocked for the other tests
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = 'ADDRESS'").update();
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRecordASuccessfulFormLogin() throws Exception {
    // given
    String user = newUser(Role.PARTNER_MANAGER);

    // when
    String location = formLogin(user, PASSWORD);

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
    String location = formLogin(typed, "wrong-password-" + typed);

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
    int status = get("/actuator/prometheus", basic(admin, "wrong password")).statusCode();

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
    int status = get("/v2/topology", basic(typed, "guess")).statusCode();

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
      formLogin(user, "wrong password");
    }

    // when
    formLogin(user, PASSWORD);

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

  private String formLogin(String username, String password) throws Exception {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
