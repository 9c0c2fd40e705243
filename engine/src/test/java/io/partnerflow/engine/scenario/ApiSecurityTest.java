package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiSecurityTest extends EngineScenarioTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String credential) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credential != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer401ProblemWithoutCredentials() throws Exception {
    // when
    HttpResponse<String> response = get("/v2/topology", null);

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"UNAUTHORIZED\"");
  }

  @Test
  void shouldAnswer401ForWrongPassword() throws Exception {
    assertThat(get("/v2/topology", USERNAME + ":wrong").statusCode()).isEqualTo(401);
    assertThat(get("/v2/topology", USERNAME + ":" + PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRejectClientWithWrongCredential() {
    try (CamundaClient intruder = newClient("intruder", "guess")) {
      assertThatThrownBy(() -> intruder.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(401));
    }
  }

  @Test
  void shouldAnswerProblem404ForEndpointsTheEngineLacks() throws Exception {
    HttpResponse<String> response = get("/v2/no-such-resource", USERNAME + ":" + PASSWORD);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("/v2/no-such-resource");
  }

  @Test
  void shouldLeaveOtherPathsToTheApp() throws Exception {
    // the engine's chain only matches /v2/**; this test app has no other endpoints
    assertThat(get("/actuator/nothing", null).statusCode()).isEqualTo(404);
  }
}
