package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without the demo profile nobody can log in with a known password. The context runs with the
 * production defaults that the test profile changes (the engine clock cannot be moved).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "partnerflow.embedded-postgres.database=partnerflow_without_demo",
      "partnerflow.engine.clock.enabled=false"
    })
@ActiveProfiles("test")
class WithoutDemoProfileTest {

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired Clock clock;

  @Test
  void shouldApplyTheChangelogButCreateNoUsers() {
    // when
    long tables =
        jdbc.sql(
                "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'app' AND table_name = 'app_user'")
            .query(Long.class)
            .single();
    long users = jdbc.sql("SELECT count(*) FROM app.app_user").query(Long.class).single();

    // then
    assertThat(tables).isEqualTo(1);
    assertThat(users).isZero();
  }

  @Test
  void shouldRefuseToMoveTheEngineClockAndKeepTheSystemClock() {
    // when / then: the demo history's way to move time is closed, even to the app's own client
    assertThatThrownBy(
            () ->
                client
                    .newPinClockCommand()
                    .time(Instant.parse("2025-01-01T00:00:00Z"))
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(403));
    assertThatThrownBy(() -> client.newResetClockCommand().send().join())
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(403));
    // and the app's clock cannot be moved either: the plain system clock, not the demo's
    assertThat(clock.getClass().getSimpleName()).isNotEqualTo("DemoClock");
  }
}
