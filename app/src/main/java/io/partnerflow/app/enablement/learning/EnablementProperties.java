package io.partnerflow.app.enablement.learning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the enablement process; its plan step hands the values to the process as variables.
 *
 * @param reminderAfter how long an assigned course may stay unstarted before the person is reminded
 *     (once), default 7 days
 */
@ConfigurationProperties("partnerflow.enablement")
public record EnablementProperties(Duration reminderAfter) {

  public EnablementProperties {
    if (reminderAfter == null) {
      reminderAfter = Duration.ofDays(7);
    }
    if (reminderAfter.isNegative() || reminderAfter.isZero()) {
      throw new IllegalArgumentException("partnerflow.enablement.reminder-after must be positive");
    }
  }
}
