package io.partnerflow.app.contract;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of contract signing; the process reads the values as variables when a contract starts.
 *
 * @param reminderCycle how often the signatory is reminded while the signing task is open (ISO-8601
 *     repeating interval), default {@code R/P3D}
 * @param signingPeriod how long the signatory has before the contract expires, default 30 days
 * @param renewalLead how long before a contract's end its renewal starts, default 60 days
 */
@ConfigurationProperties("partnerflow.contract-signing")
public record ContractProperties(String reminderCycle, Duration signingPeriod, Period renewalLead) {

  public ContractProperties {
    if (reminderCycle == null || reminderCycle.isBlank()) {
      reminderCycle = "R/P3D";
    }
    if (!reminderCycle.startsWith("R")) {
      throw new IllegalArgumentException(
          "partnerflow.contract-signing.reminder-cycle must be a repeating interval such as R/P3D");
    }
    if (signingPeriod == null) {
      signingPeriod = Duration.ofDays(30);
    }
    if (renewalLead == null) {
      renewalLead = Period.ofDays(60);
    }
  }
}
