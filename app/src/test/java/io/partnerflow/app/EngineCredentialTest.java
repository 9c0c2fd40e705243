package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without a configured /v2 credential (no demo profile) the engine accepts only the random one its
 * in-process client was given: the credential the README once documented opens nothing.
 */
// the same configuration as WithoutDemoProfileTest: both share one context
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "partnerflow.embedded-postgres.database=partnerflow_without_demo")
@ActiveProfiles("test")
class EngineCredentialTest {

  @Autowired CamundaClient client;
  @Autowired Environment environment;

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
