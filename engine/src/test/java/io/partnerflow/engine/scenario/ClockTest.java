package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /v2/clock: pin and reset; job time-outs, back-offs and FEEL now() follow the engine clock. */
class ClockTest extends ClockDrivenScenarioTest {

  @Autowired JdbcClient jdbc;

  private String deployTask(String type) {
    String processId = unique("clocked");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task", t -> t.zeebeJobType(type).zeebeInputExpression("now().year", "year"))
            .endEvent()
            .done());
    return processId;
  }

  @Test
  void shouldPinAndResetTheClockForAllNodes() {
    // when
    pinClock(Instant.parse("2031-05-06T07:08:09Z"));

    // then: stored for the other nodes and restarts
    assertThat(storedPin()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z").toEpochMilli());

    // when
    client.newResetClockCommand().send().join();

    // then
    assertThat(storedPin()).isNull();
  }

  @Test
  void shouldEvaluateFeelNowWithThePinnedClock() {
    // given
    String type = unique("year");
    String processId = deployTask(type);
    pinClock(Instant.parse("2031-05-06T07:08:09Z"));

    // when
    start(processId, Map.of());

    // then
    assertThat(awaitJob(type).getVariablesAsMap()).containsEntry("year", 2031);
  }

  @Test
  void shouldMakeTimedOutActivationActivatableWhenTheClockPassesTheDeadline() {
    // given: a job activated for ten minutes
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String type = unique("slow-worker");
    start(deployTask(type), Map.of());
    List<ActivatedJob> first =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(10))
            .send()
            .join()
            .getJobs();
    assertThat(first).hasSize(1);
    assertNoJob(type);

    // when
    pinClock(t0.plus(Duration.ofMinutes(11)));

    // then
    assertThat(awaitJob(type).getKey()).isEqualTo(first.get(0).getKey());
  }

  @Test
  void shouldHoldFailedJobForItsBackOffOnTheEngineClock() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String type = unique("backing-off");
    start(deployTask(type), Map.of());
    ActivatedJob job = awaitJob(type);

    // when
    client
        .newFailCommand(job)
        .retries(2)
        .retryBackoff(Duration.ofHours(1))
        .errorMessage("later")
        .send()
        .join();

    // then
    assertNoJob(type);
    pinClock(t0.plus(Duration.ofMinutes(61)));
    assertThat(awaitJob(type).getRetries()).isEqualTo(2);
  }

  @Test
  void shouldRejectMissingOrNegativeTimestampWithProblem() throws Exception {
    // the client refuses negative values itself, so these go over plain HTTP
    for (String body : new String[] {"{\"timestamp\":-5}", "{}"}) {
      // when
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/clock"))
                      .header("Authorization", basicAuth())
                      .header("Content-Type", "application/json")
                      .PUT(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).contains("timestamp");
    }
    assertThat(storedPin()).isNull();
  }

  private static String basicAuth() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private Long storedPin() {
    return (Long)
        jdbc.sql("SELECT pinned_epoch_millis FROM engine.clock WHERE id = 1")
            .query()
            .singleRow()
            .get("pinned_epoch_millis");
  }
}
