package io.partnerflow.app.monitoring;

import java.time.Instant;

/** One element instance of the history: which element ran when, and how it ended. */
public record ElementStep(
    long key,
    String elementId,
    String name,
    String type,
    String state,
    Instant started,
    Instant ended,
    Long incidentKey) {

  public boolean active() {
    return "ACTIVE".equals(state);
  }

  public boolean completed() {
    return "COMPLETED".equals(state);
  }
}
