package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9457 problem details for bad input (400), unknown keys (404) and wrong states (409). */
class ProblemDetailsTest extends EngineScenarioTest {

  private final String processId = unique("problems");
  private final String type = unique("problems-task");

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    String credential = USERNAME + ":" + PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status).contains(detail);
  }

  private long startWaitingInstance() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    return start(processId, Map.of()).getProcessInstanceKey();
  }

  @Test
  void shouldAnswer400ForMalformedSearchBodies() throws Exception {
    assertProblem(send("POST", "/v2/process-instances/search", "{\"filter\":"), 400, "detail");
    assertProblem(send("POST", "/v2/incidents/search", "{\"filter\":[]}"), 400, "filter");
    assertProblem(
        send("POST", "/v2/variables/search", "{\"sort\":[{\"field\":\"color\"}]}"), 400, "color");
    assertProblem(
        send(
            "POST",
            "/v2/process-instances/search",
            "{\"filter\":{\"state\":{\"$eq\":\"RUNNING\"}}}"),
        400,
        "RUNNING");
    assertProblem(
        send(
            "POST",
            "/v2/element-instances/search",
            "{\"filter\":{\"processInstanceKey\":\"not-a-key\"}}"),
        400,
        "not-a-key");
    assertProblem(
        send(
            "POST",
            "/v2/process-instances/search",
            "{\"filter\":{\"startDate\":{\"$gt\":\"yesterday\"}}}"),
        400,
        "yesterday");
    assertProblem(
        send("POST", "/v2/process-instances/search", "{\"filter\":{\"tags\":[\"vip\"]}}"),
        400,
        "tags");
    assertProblem(
        send(
            "POST",
            "/v2/process-instances/search",
            "{\"filter\":{\"processInstanceKey\":{\"$regex\":\"1.*\"}}}"),
        400,
        "$regex");
    assertProblem(
        send("POST", "/v2/variables/search", "{\"page\":{\"after\":\"garbage\"}}"), 400, "cursor");
  }

  @Test
  void shouldTreatEmptyArraysAndUnknownFieldsAsNoConstraint() throws Exception {
    // given
    long key = startWaitingInstance();

    // when
    HttpResponse<String> response =
        send(
            "POST",
            "/v2/process-instances/search",
            ("{\"filter\":{\"processDefinitionId\":{\"$eq\":\"%s\",\"$in\":[],\"$notIn\":[]},"
                    + "\"tags\":[],\"$or\":[],\"futureField\":1},\"page\":{\"from\":0}}")
                .formatted(processId));

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"processInstanceKey\":\"" + key + "\"")
        .contains("\"totalItems\":1");
  }

  @Test
  void shouldAnswer400ForVariablesThatAreNotAnObject() throws Exception {
    // given
    long key = startWaitingInstance();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs()
            .get(0);

    // then
    assertProblem(
        send("PUT", "/v2/element-instances/" + key + "/variables", "{\"variables\":[1,2]}"),
        400,
        "variables");
    assertProblem(
        send("PUT", "/v2/element-instances/" + key + "/variables", "{\"variables\":\"x\"}"),
        400,
        "variables");
    assertProblem(
        send("PUT", "/v2/element-instances/" + key + "/variables", "{}"), 400, "variables");
    assertThat(
            send("POST", "/v2/jobs/" + job.getKey() + "/completion", "{\"variables\":[\"done\"]}")
                .statusCode())
        .isEqualTo(400);
    // the job is still open: a correct completion works
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldAnswer400ForBadFeelAtDeployment() {
    assertThatThrownBy(
            () ->
                deploy(
                    Bpmn.createExecutableProcess(processId)
                        .startEvent()
                        .exclusiveGateway("split")
                        .conditionExpression("= score >")
                        .endEvent()
                        .moveToLastExclusiveGateway()
                        .defaultFlow()
                        .endEvent()
                        .done()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("score >");
            });
  }

  @Test
  void shouldAnswer404ForUnknownKeysAnd409ForWrongStates() throws Exception {
    // given
    long key = startWaitingInstance();
    client.newCancelInstanceCommand(key).send().join();

    // then
    for (String path :
        new String[] {
          "/v2/process-instances/29",
          "/v2/element-instances/29",
          "/v2/variables/29",
          "/v2/incidents/29"
        }) {
      assertProblem(send("GET", path, ""), 404, "29");
    }
    assertThatThrownBy(() -> client.newCancelInstanceCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    assertProblem(
        send("PUT", "/v2/element-instances/" + key + "/variables", "{\"variables\":{\"a\":1}}"),
        409,
        "TERMINATED");
  }

  @Test
  void shouldAnswer413ForAnOversizedBodyOnEveryEndpointDeclaredOrChunked() throws Exception {
    String huge = "{\"filter\":{\"processDefinitionId\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}}";

    // declared length
    assertProblem(send("POST", "/v2/process-instances/search", huge), 413, "at most 4194304");
    assertProblem(send("POST", "/v2/messages/publication", huge), 413, "PAYLOAD_TOO_LARGE");
    // chunked: no length known in advance, refused while reading
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/user-tasks/search"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
            .build();
    assertProblem(
        HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString()),
        413,
        "at most 4194304");
  }

  @Test
  void shouldRefuseBpmnAndDmnWithADoctypeBeforeParsing() {
    String id = unique("doctype");
    String bpmn =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<process id=\""
            + id
            + "\" name=\"&x;\" isExecutable=\"true\"><startEvent id=\"s\"/>"
            + "</process></definitions>";

    for (String name : new String[] {id + ".bpmn", id + ".dmn"}) {
      assertThatThrownBy(
              () ->
                  client
                      .newDeployResourceCommand()
                      .addResourceBytes(bpmn.getBytes(StandardCharsets.UTF_8), name)
                      .send()
                      .join())
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.details().getDetail()).contains("DOCTYPE").doesNotContain("root:");
              });
    }
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(id))
                .send()
                .join()
                .items())
        .isEmpty();
  }
}
