package io.partnerflow.app.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal roles of partner users and an organisation's users with their invitation state. Which
 * organisation a caller may list is the caller's check (the portal lists only the user's own).
 */
@Service
public class PortalMembers {

  private final UserAccountRepository users;
  private final InvitationRepository invitations;
  private final Clock clock;

  PortalMembers(UserAccountRepository users, InvitationRepository invitations, Clock clock) {
    this.users = users;
    this.invitations = invitations;
    this.clock = clock;
  }

  /** The user's portal roles; none for staff. */
  public Set<PortalRole> rolesOf(long userId) {
    return users.portalRolesOf(userId);
  }

  /** Gives a partner user further portal roles (e.g. the demo data, an administrator). */
  @Secured({"ROLE_ADMIN", SystemIdentity.AUTHORITY})
  @Transactional
  public void grant(long userId, Set<PortalRole> roles) {
    users.grantPortalRoles(userId, roles);
  }

  /** The organisation's users, by name, with roles and invitation state. */
  @Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_PARTNER", SystemIdentity.AUTHORITY})
  @Transactional(readOnly = true)
  public List<PortalMember> ofPartner(long partnerId) {
    return users.findByPartnerId(partnerId).stream()
        .map(
            user ->
                new PortalMember(
                    user.id(),
                    user.username(),
                    user.displayName(),
                    users.portalRolesOf(user.id()),
                    stateOf(user)))
        .toList();
  }

  private PortalMember.State stateOf(UserAccount user) {
    if (!user.enabled()) {
      return PortalMember.State.DISABLED;
    }
    // created with a password of its own (the demo partner user) or the link was used
    if (!users.awaitingPassword(user.id()) || invitations.anyUsed(user.id())) {
      return PortalMember.State.ACTIVE;
    }
    // no link yet: the invitation e-mail is still in the outbox (the link is issued when sent)
    return invitations
        .pendingUntil(user.id())
        .map(
            expiry ->
                expiry.isAfter(clock.instant())
                    ? PortalMember.State.INVITED
                    : PortalMember.State.EXPIRED)
        .orElse(PortalMember.State.INVITED);
  }
}
