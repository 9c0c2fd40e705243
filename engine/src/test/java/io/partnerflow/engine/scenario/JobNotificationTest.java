package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.partnerflow.engine.state.JobNotificationListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Other nodes announce new jobs with NOTIFY; this node must turn that into a wake-up. */
class JobNotificationTest extends EngineScenarioTest {

  @Autowired DataSource dataSource;
  @Autowired JobsAvailableRecorder recorder;

  @Test
  void shouldWakeLongPollsWhenAnotherNodeNotifies() throws Exception {
    // given
    String type = unique("remote-type");

    // when: a NOTIFY from another session, as another node's job creation sends it
    try (Connection connection = dataSource.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, JobNotificationListener.CHANNEL);
      notify.setString(2, type);
      notify.execute();
    }

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(recorder.types).contains(type));
  }
}
