package io.partnerflow.app.qbr;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the quarterly business reviews; the process reads it as variables when it starts.
 *
 * @param daysBeforeQuarterEnd how many days before a quarter's last day its review opens, default
 *     14
 * @param missedAfterDays how many days after a quarter's last day an unfinished review counts as
 *     missed and goes to the team leads, default 14
 */
@ConfigurationProperties("partnerflow.qbr")
public record QbrProperties(Integer daysBeforeQuarterEnd, Integer missedAfterDays) {

  public QbrProperties {
    if (daysBeforeQuarterEnd == null) {
      daysBeforeQuarterEnd = 14;
    }
    if (missedAfterDays == null) {
      missedAfterDays = 14;
    }
    if (daysBeforeQuarterEnd < 0 || daysBeforeQuarterEnd > 80) {
      throw new IllegalArgumentException(
          "partnerflow.qbr.days-before-quarter-end must be between 0 and 80");
    }
    if (missedAfterDays < 0) {
      throw new IllegalArgumentException("partnerflow.qbr.missed-after-days cannot be negative");
    }
  }
}
