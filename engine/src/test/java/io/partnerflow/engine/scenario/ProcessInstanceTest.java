package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessInstanceTest extends EngineScenarioTest {

  private final String processId = unique("instances");
  private final String type = unique("instance-task");

  private long deployTask() {
    return deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
  }

  @Test
  void shouldReportTopology() {
    Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
  }

  @Test
  void shouldStartByDefinitionKeyAndReadTheInstance() {
    // given
    long definitionKey = deployTask();

    // when
    ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(definitionKey)
            .variables(Map.of("partner", "Acme"))
            .send()
            .join();

    // then
    assertThat(event.getBpmnProcessId()).isEqualTo(processId);
    assertThat(event.getVersion()).isEqualTo(1);
    ProcessInstance instance = instance(event.getProcessInstanceKey());
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(instance.getHasIncident()).isFalse();
    assertThat(instance.getStartDate()).isNotNull();
  }

  @Test
  void shouldCancelAndTerminateOpenJobs() {
    // given
    deployTask();
    long key = start(processId, Map.of()).getProcessInstanceKey();
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).send().join().getJobs();

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    ProcessInstance instance = instance(key);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(instance.getEndDate()).isNotNull();
    assertThatThrownBy(() -> client.newCompleteCommand(jobs.get(0)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    assertThatThrownBy(() -> client.newCancelInstanceCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }

  @Test
  void shouldAnswer404ForUnknownInstance() {
    assertThatThrownBy(() -> instance(7L))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThatThrownBy(() -> client.newCancelInstanceCommand(7L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldAnswer404ForUnknownProcessId() {
    assertThatThrownBy(() -> start(unique("never-deployed"), Map.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getDetail()).contains("never-deployed");
            });
  }

  @Test
  void shouldAnswer400ForMalformedJsonAndIgnoreUnknownFields() throws Exception {
    // given
    deployTask();

    // when
    HttpResponse<String> malformed = post("/v2/process-instances", "{\"processDefinitionId\":");
    HttpResponse<String> notAnObject =
        post(
            "/v2/process-instances",
            "{\"processDefinitionId\":\"" + processId + "\",\"variables\":[1,2]}");
    HttpResponse<String> unknownField =
        post(
            "/v2/process-instances",
            "{\"processDefinitionId\":\"" + processId + "\",\"someFutureField\":true}");

    // then
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(notAnObject.statusCode()).isEqualTo(400);
    assertThat(unknownField.statusCode()).isEqualTo(200);
    assertThat(unknownField.body()).containsPattern("\"processInstanceKey\":\"\\d+\"");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    String credential = USERNAME + ":" + PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
