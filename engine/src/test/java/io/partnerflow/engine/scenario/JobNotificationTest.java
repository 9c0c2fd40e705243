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
  @Autowired JobNotificationListener listener;

  @Test
  void shouldWakeLongPollsWhenAnotherNodeNotifies() throws Exception {
    // given
    String type = unique("remote-type");

    // when: a NOTIFY from another session, as another node's job creation sends it
    notify("0f8fad5b-d9cb-469f-a165-70867728950e:" + type);

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(recorder.types).contains(type));
  }

  @Test
  void shouldReadABareJobTypeAsAnotherNodesNotification() throws Exception {
    String type = unique("bare-type");

    notify(type);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(recorder.types).contains(type));
  }

  @Test
  void shouldIgnoreItsOwnNotificationsWhichItHandledAfterCommit() throws Exception {
    // given
    String own = unique("own-type");
    String foreign = unique("foreign-type");

    // when: this node's own NOTIFY, then another node's (delivered in that order)
    notify(listener.payload(own));
    notify("0f8fad5b-d9cb-469f-a165-70867728950e:" + foreign);

    // then: once the later one has arrived, the own one was read and dropped
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(recorder.types).contains(foreign));
    assertThat(recorder.types).doesNotContain(own);
  }

  private void notify(String payload) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, JobNotificationListener.CHANNEL);
      notify.setString(2, payload);
      notify.execute();
    }
  }
}
