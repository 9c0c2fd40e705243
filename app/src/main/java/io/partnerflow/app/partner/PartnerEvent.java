package io.partnerflow.app.partner;

import java.time.Instant;

/**
 * A dated record in a partner's own history.
 *
 * @param actor username of who did it, or {@code system} for process workers
 */
public record PartnerEvent(
    Instant occurredAt, Kind kind, String oldValue, String newValue, String actor) {

  public enum Kind {
    CREATED,
    TIER_CHANGED,
    STATUS_CHANGED,
    OWNER_CHANGED
  }

  /** For a partner user: who on the staff did it is not theirs to see. */
  public PartnerEvent withoutActor() {
    return new PartnerEvent(occurredAt, kind, oldValue, newValue, null);
  }
}
