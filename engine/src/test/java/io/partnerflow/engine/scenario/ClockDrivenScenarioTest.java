package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Scenario tests that move the engine clock (PUT /v2/clock) or wait for messages and timers. The
 * clock is shared by every test of the JVM, so it is reset after each test.
 */
abstract class ClockDrivenScenarioTest extends EngineScenarioTest {

  @AfterEach
  void resetClock() {
    client.newResetClockCommand().send().join();
  }

  protected void pinClock(Instant instant) {
    client.newPinClockCommand().time(instant).send().join();
  }

  /** Activates the jobs of a type that are ready now or within {@code wait}. */
  protected List<ActivatedJob> activate(String type, Duration wait) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .requestTimeout(wait)
        .send()
        .join()
        .getJobs();
  }

  /** The one job of this type, waiting up to 10 s for it. */
  protected ActivatedJob awaitJob(String type) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(activate(type, Duration.ofSeconds(2)));
              return !jobs.isEmpty();
            });
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  /**
   * Asserts that no job of this type becomes ready within a second (long enough for the scheduler,
   * which polls every 200 ms, to have fired anything due).
   */
  protected void assertNoJob(String type) {
    assertThat(activate(type, Duration.ofSeconds(1))).isEmpty();
  }
}
