package io.partnerflow.app.tier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of the tier review; the process reads it as a variable when a review starts.
 *
 * @param downgradeGrace how long a partner keeps a tier whose requirements it no longer meets
 *     before the downgrade applies (unless the manager decides otherwise), default 30 days
 */
@ConfigurationProperties("partnerflow.tiers")
public record TierProperties(Duration downgradeGrace) {

  public TierProperties {
    if (downgradeGrace == null) {
      downgradeGrace = Duration.ofDays(30);
    }
    if (downgradeGrace.isNegative() || downgradeGrace.isZero()) {
      throw new IllegalArgumentException("partnerflow.tiers.downgrade-grace must be positive");
    }
  }
}
