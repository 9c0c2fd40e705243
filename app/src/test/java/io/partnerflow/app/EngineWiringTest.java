package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/** The app's Camunda client reaches the embedded engine over HTTP with the API credential. */
@PartnerflowTest
class EngineWiringTest {

  @Autowired CamundaClient client;
  @Autowired HealthEndpoint health;
  @Autowired JobWorkerManager workers;

  @Test
  void shouldReachTheEmbeddedEngineThroughTheCamundaClient() {
    // when
    Topology topology = client.newTopologyRequest().send().join();

    // then
    assertThat(topology.getBrokers()).isNotEmpty();
  }

  @Test
  void shouldReportTheAppHealthyWithDatabaseAndEngineUp() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void shouldOpenTheJobWorkersWithAShortPollInterval() {
    // the client's default (100 ms) is paid by a job whenever a batch's handlers finished first
    assertThat(workers.findJobWorkerConfigByType("plan-approved"))
        .hasValueSatisfying(
            worker -> assertThat(worker.getPollInterval()).isEqualTo(Duration.ofMillis(5)));
  }
}
