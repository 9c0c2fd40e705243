package io.partnerflow.engine.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Settings under {@code partnerflow.engine.scheduler.*}. */
@Component
@ConfigurationProperties(prefix = "partnerflow.engine.scheduler")
public class SchedulerProperties {

  /** Whether this node fires due timers and deletes expired messages (any node may). */
  private boolean enabled = true;

  /** Pause between two polls for due work; a new timer or a moved clock wakes it earlier. */
  private Duration pollInterval = Duration.ofMillis(200);

  /** Timers fired (and expired messages deleted) per round before looking again. */
  private int batchSize = 100;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }
}
