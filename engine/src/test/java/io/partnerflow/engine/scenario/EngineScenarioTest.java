package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of every scenario test: one Spring context (cached, as all subclasses share this
 * configuration), one embedded PostgreSQL, the engine on a random port, and the official Camunda
 * client talking REST with basic auth. Tests share the database, so each one uses its own process
 * ids and job types ({@link #unique}).
 */
@SpringBootTest(
    classes = EngineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
public abstract class EngineScenarioTest {

  protected static final String USERNAME = "partnerflow";
  protected static final String PASSWORD = "partnerflow";

  private static CamundaClient sharedClient;
  private static int sharedClientPort;

  @LocalServerPort protected int port;

  protected CamundaClient client;

  @BeforeEach
  void connectClient() {
    synchronized (EngineScenarioTest.class) {
      if (sharedClient == null || sharedClientPort != port) {
        sharedClient = newClient(USERNAME, PASSWORD);
        sharedClientPort = port;
      }
      client = sharedClient;
    }
  }

  protected CamundaClient newClient(String username, String password) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:26500"))
        .preferRestOverGrpc(true)
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username(username)
                .password(password)
                .applyEnvironmentOverrides(false)
                .build())
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** A name no other test uses (process ids and job types live in one shared database). */
  protected static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected long deploy(BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "model.bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  protected ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  protected ProcessInstance instance(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join();
  }

  protected void awaitState(long processInstanceKey, ProcessInstanceState state) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(instance(processInstanceKey).getState()).isEqualTo(state));
  }

  protected void awaitIncident(long processInstanceKey) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(instance(processInstanceKey).getHasIncident()).isTrue());
  }
}
