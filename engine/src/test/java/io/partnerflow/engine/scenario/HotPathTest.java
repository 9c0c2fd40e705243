package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The hot path endpoints (instance creation, job activation, job completion, user task search) at
 * the HTTP level: the same credential, problem details and status codes as every other /v2
 * endpoint. The client scenarios (ServiceTaskTest, JobLifecycleTest, AwaitCompletionTest, ...)
 * cover their behaviour.
 */
class HotPathTest extends EngineScenarioTest {

  private static final String CREDENTIAL = USERNAME + ":" + PASSWORD;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpRequest.Builder request(String path, String credential, String scheme) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credential != null) {
      request.header(
          "Authorization",
          scheme
              + " "
              + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send(
        request(path, CREDENTIAL, "Basic")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).contains(detail);
  }

  private static String activation(String type, long requestTimeout) {
    return """
        {"type":"%s","worker":"raw","timeout":60000,"maxJobsToActivate":5,"requestTimeout":%d}"""
        .formatted(type, requestTimeout);
  }

  /** start -> a service task -> end; returns the task's job type. */
  private String deployOneTask(String processId) {
    String type = processId + "-task";
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    return type;
  }

  @Test
  void shouldAnswer401WithoutOrWithAWrongCredential() throws Exception {
    HttpResponse<String> none =
        send(
            request("/v2/jobs/activation", null, "Basic")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activation("any", -1))));
    HttpResponse<String> wrong =
        send(
            request("/v2/jobs/1/completion", USERNAME + ":guess", "Basic")
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> notBase64 =
        send(
            request("/v2/process-instances", null, "Basic")
                .header("Authorization", "Basic %%%")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertProblem(none, 401, "\"title\":\"UNAUTHORIZED\"");
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
    assertProblem(wrong, 401, "\"instance\":\"/v2/jobs/1/completion\"");
    assertProblem(notBase64, 401, "UNAUTHORIZED");
  }

  @Test
  void shouldAcceptTheBasicSchemeInAnyCaseAndJsonWithParameters() throws Exception {
    HttpResponse<String> response =
        send(
            request("/v2/jobs/activation", CREDENTIAL, "basic")
                .header("Content-Type", "Application/JSON; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(activation(unique("none"), -1))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"jobs\":[]}");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void shouldAnswer400ForBodiesThatAreNotTheExpectedJson() throws Exception {
    assertProblem(
        post("/v2/process-instances", "{\"processDefinitionId\":"),
        400,
        "Request body could not be read");
    assertProblem(
        post("/v2/process-instances", "{\"variables\":[1]}"),
        400,
        "Request body could not be read");
    assertProblem(post("/v2/jobs/activation", ""), 400, "none given");
    assertProblem(
        post("/v2/jobs/activation", "{\"type\":\"x\",\"maxJobsToActivate\":0,\"timeout\":1}"),
        400,
        "maxJobsToActivate");
    assertProblem(
        send(
            request("/v2/jobs/activation", CREDENTIAL, "Basic")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(activation("x", -1)))),
        400,
        "Content-Type 'text/plain' is not supported");
    assertProblem(post("/v2/jobs/abc/completion", "{}"), 400, "'abc'");
    String huge = "{\"variables\":{\"blob\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}}";
    assertProblem(post("/v2/jobs/1/completion", huge), 413, "at most 4194304 bytes");
  }

  @Test
  void shouldAnswer404ForAnUnknownJobAnd405ForOtherMethods() throws Exception {
    HttpResponse<String> get = send(request("/v2/jobs/activation", CREDENTIAL, "Basic").GET());

    assertProblem(post("/v2/jobs/123456789/completion", "{}"), 404, "123456789");
    assertProblem(get, 405, "METHOD_NOT_ALLOWED");
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    // paths beside the hot ones still reach their controllers
    assertProblem(post("/v2/jobs/123456789/failure", "{}"), 404, "123456789");
  }

  @Test
  void shouldServeTheUserTaskSearchWithTheSameContract() throws Exception {
    // given: one open task
    String processId = unique("hot-tasks");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("work", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    String byInstance = "{\"filter\":{\"processInstanceKey\":\"%d\"}}".formatted(instanceKey);

    // when
    HttpResponse<String> found = post("/v2/user-tasks/search", byInstance);
    HttpResponse<String> noBody =
        send(
            request("/v2/user-tasks/search", CREDENTIAL, "Basic")
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> none =
        send(
            request("/v2/user-tasks/search", null, "Basic")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(byInstance)));
    HttpResponse<String> get = send(request("/v2/user-tasks/search", CREDENTIAL, "Basic").GET());

    // then
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(found.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(found.body())
        .contains("\"processInstanceKey\":\"" + instanceKey + "\"")
        .contains("\"totalItems\":1")
        .contains("\"elementId\":\"work\"");
    assertThat(noBody.statusCode()).isEqualTo(200);
    assertThat(noBody.body()).contains("\"items\":[{");
    assertProblem(none, 401, "UNAUTHORIZED");
    assertProblem(get, 405, "METHOD_NOT_ALLOWED");
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertProblem(
        post("/v2/user-tasks/search", "{\"filter\":"), 400, "Request body could not be read");
    assertProblem(
        post("/v2/user-tasks/search", "{\"filter\":{\"localVariables\":[{\"name\":\"a\"}]}}"),
        400,
        "localVariables");
    assertProblem(post("/v2/user-tasks/search", "{\"sort\":[{\"field\":\"nope\"}]}"), 400, "nope");
    assertProblem(
        send(
            request("/v2/user-tasks/search", CREDENTIAL, "Basic")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(byInstance))),
        400,
        "Content-Type 'text/plain' is not supported");
    // the task's own paths beside the search still reach their controller
    long taskKey =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey))
            .send()
            .join()
            .singleItem()
            .getUserTaskKey();
    assertThat(send(request("/v2/user-tasks/" + taskKey, CREDENTIAL, "Basic").GET()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldHoldALongPollUntilAJobIsCreatedAndAnswerEmptyAtItsTimeout() throws Exception {
    // given
    String processId = unique("hot");
    String type = deployOneTask(processId);
    CompletableFuture<HttpResponse<String>> held =
        http.sendAsync(
            request("/v2/jobs/activation", CREDENTIAL, "Basic")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activation(type, 20_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    assertThat(held).isNotDone();

    // when
    HttpResponse<String> created =
        post(
            "/v2/process-instances",
            "{\"processDefinitionId\":\"%s\",\"variables\":{\"tier\":\"gold\"}}"
                .formatted(processId));

    // then
    assertThat(created.statusCode()).isEqualTo(200);
    HttpResponse<String> answered = held.get();
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("\"type\":\"" + type + "\"").contains("\"tier\":\"gold\"");
    long started = System.nanoTime();
    HttpResponse<String> empty = post("/v2/jobs/activation", activation(type, 400));
    assertThat(empty.body()).isEqualTo("{\"jobs\":[]}");
    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(350L, 5_000L);
  }

  @Test
  void shouldCompleteAJobOverRawHttp() throws Exception {
    // given
    String processId = unique("hot-complete");
    String type = deployOneTask(processId);
    long instance = start(processId, Map.of()).getProcessInstanceKey();
    String jobs = post("/v2/jobs/activation", activation(type, 5_000)).body();
    String jobKey = jobs.replaceAll(".*\"jobKey\":\"(\\d+)\".*", "$1");

    // when
    HttpResponse<String> completed =
        post("/v2/jobs/" + jobKey + "/completion", "{\"variables\":{\"done\":true}}");
    HttpResponse<String> again = post("/v2/jobs/" + jobKey + "/completion", "");

    // then
    assertThat(completed.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isIn(404, 409);
    awaitState(instance, io.camunda.client.api.search.enums.ProcessInstanceState.COMPLETED);
  }
}
