package io.partnerflow.app.security;

import java.util.Set;

/** A user of a partner organisation with their portal roles and where their invitation stands. */
public record PortalMember(
    long userId, String username, String displayName, Set<PortalRole> roles, State state) {

  public PortalMember {
    roles = Set.copyOf(roles);
  }

  /** Whether the user can log in yet. */
  public enum State {
    /** Invited; the password is not set yet and the link (if already sent) is still valid. */
    INVITED,
    /** The link ran out before the password was set. */
    EXPIRED,
    /** The password is set. */
    ACTIVE,
    /** Disabled by an administrator. */
    DISABLED
  }
}
