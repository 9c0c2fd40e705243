package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine API with the production defaults. Without a configured /v2 credential (no demo
 * profile) the engine accepts only the random one its in-process client was given: the credential
 * the README once documented opens nothing. The clock cannot be pinned.
 */
// the same configuration as WithoutDemoProfileTest: both share one context
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "partnerflow.embedded-postgres.database=partnerflow_without_demo",
      "partnerflow.engine.clock.enabled=false"
    })
@ActiveProfiles("test")
class EngineCredentialTest {

  @Autowired CamundaClient client;
  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldRefuseTheOldDefaultCredentialAndStillServeTheApp() throws Exception {
    // when
    int oldDefault = topology("partnerflow:partnerflow");
    int none = topology(null);

    // then
    assertThat(oldDefault).isEqualTo(401);
    assertThat(none).isEqualTo(401);
    assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
  }

  @Test
  void shouldGiveTheGeneratedSecretOnlyToTheInProcessClient() throws Exception {
    // given
    String username = environment.getProperty("camunda.client.auth.username");
    String password = environment.getProperty("camunda.client.auth.password");

    // then: a long random secret that /v2 accepts
    assertThat(password).hasSizeGreaterThanOrEqualTo(40);
    assertThat(topology(username + ":" + password)).isEqualTo(200);
  }

  @Test
  void shouldRefuseToMoveTheClockUnlessEnabled() throws Exception {
    // given
    Long pinnedBefore = pinnedClock();

    // when
    HttpResponse<String> pin =
        send(
            "PUT",
            "/v2/clock",
            "{\"timestamp\":" + Instant.parse("2099-01-01T00:00:00Z").toEpochMilli() + "}");
    HttpResponse<String> reset = send("POST", "/v2/clock/reset", "");

    // then: a problem, and the clock is where it was
    assertThat(pin.statusCode()).isEqualTo(403);
    assertThat(pin.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(reset.statusCode()).isEqualTo(403);
    assertThat(pinnedClock()).isEqualTo(pinnedBefore).isNull();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    String credential =
        environment.getProperty("camunda.client.auth.username")
            + ":"
            + environment.getProperty("camunda.client.auth.password");
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Long pinnedClock() {
    return jdbc.sql("SELECT pinned_epoch_millis FROM engine.clock WHERE id = 1")
        .query((rs, row) -> (Long) rs.getObject(1))
        .optional()
        .orElse(null);
  }

  private int topology(String credential) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                "http://127.0.0.1:"
                    + environment.getProperty("local.server.port")
                    + "/v2/topology"));
    if (credential != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
