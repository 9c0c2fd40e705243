package io.partnerflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

/** The HTTP face of security, against the running server. */
@PartnerflowTest
class WebSecurityTest {

  @Value("${local.server.port}")
  int port;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @ParameterizedTest
  @ValueSource(strings = {"/", "/admin/users"})
  void shouldSendAnonymousVisitorsOfViewsToLogin(String path) throws Exception {
    // when
    HttpResponse<String> response = get(path, null);

    // then
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
  }

  @Test
  void shouldServeTheLoginPageAnonymously() throws Exception {
    assertThat(get("/login", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerHealthWithoutLoginButHideDetails() throws Exception {
    // when
    HttpResponse<String> response = get("/actuator/health", null);

    // then: 200 when up, 503 when a component is down; never a login challenge
    assertThat(response.statusCode()).isIn(200, 503);
    assertThat(response.body()).contains("\"status\"").doesNotContain("\"components\"");
  }

  @Test
  void shouldShowHealthDetailsToAnAdministrator() throws Exception {
    HttpResponse<String> response = get("/actuator/health", basic("admin", "demo"));

    assertThat(response.body()).contains("\"db\"").contains("PostgreSQL");
  }

  @Test
  void shouldKeepMetricsForAdministrators() throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", basic("partner", "demo")).statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", basic("admin", "wrong")).statusCode()).isEqualTo(401);

    HttpResponse<String> metrics = get("/actuator/prometheus", basic("admin", "demo"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/apply", "/actuator/health"})
  void shouldSendTheBrowserSideDefences(String path) throws Exception {
    // when
    HttpResponse<String> response = get(path, null);

    // then: a policy Vaadin runs under (the browser tests run with it) and nothing more
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'")
                    .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
                    .contains("style-src 'self' 'unsafe-inline'")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .doesNotContain("*"));
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(response.headers().firstValue("Permissions-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void shouldKeepTheSessionCookieFromScriptsAndCrossSiteRequests() throws Exception {
    // when: the first page of a visitor opens a session
    HttpResponse<String> response = get("/login", null);

    // then: HttpOnly and SameSite; Secure only when server.servlet.session.cookie.secure says so
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure");
  }

  @Test
  void shouldRefuseAnOversizedBodyFromAnAnonymousVisitor() throws Exception {
    // when: a body far beyond partnerflow.security.anonymous-max-request-size, then a small one
    HttpResponse<String> huge = post("/apply?v-r=uidl&v-uiId=0", "x".repeat(2 * 1024 * 1024));
    HttpResponse<String> small = post("/apply?v-r=uidl&v-uiId=0", "{}");

    // then
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(small.statusCode()).isNotEqualTo(413);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
