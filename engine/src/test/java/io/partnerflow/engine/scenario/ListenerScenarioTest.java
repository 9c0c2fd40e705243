package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenario tests of listeners: their jobs are taken one by one, with the official client. */
abstract class ListenerScenarioTest extends EngineScenarioTest {

  /** The jobs of a type ready now (a short long poll). */
  protected List<ActivatedJob> activateNow(String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofMillis(200))
        .send()
        .join()
        .getJobs();
  }

  /** The one job of a type, waited for. */
  protected ActivatedJob awaitJob(String type) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(5)
                      .timeout(Duration.ofMinutes(5))
                      .requestTimeout(Duration.ofSeconds(2))
                      .send()
                      .join()
                      .getJobs());
              return !jobs.isEmpty();
            });
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  /** The instance's one active incident. */
  protected Incident activeIncident(long processInstanceKey) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send()
        .join()
        .singleItem();
  }
}
