package io.partnerflow.app.partner;

import java.time.Instant;

/**
 * A dated record in a partner's own history.
 *
 * @param actor username of who did it, or {@code system} for process workers
 * @param reason why a process made the change (a code such as {@code TIER_REVIEW_UPGRADE}, shown
 *     translated), or null for a change a person made
 */
public record PartnerEvent(
    Instant occurredAt, Kind kind, String oldValue, String newValue, String actor, String reason) {

  public enum Kind {
    CREATED,
    TIER_CHANGED,
    STATUS_CHANGED,
    OWNER_CHANGED
  }

  /** For a partner user: who on the staff did it is not theirs to see. */
  public PartnerEvent withoutActor() {
    return new PartnerEvent(occurredAt, kind, oldValue, newValue, null, reason);
  }
}
