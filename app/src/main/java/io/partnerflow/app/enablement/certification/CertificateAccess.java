package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see a certificate: its holder and their organisation's main contact; staff and process
 * workers every one; anybody else none (another partner's users get the same answer as for a
 * certificate that does not exist).
 */
@Component
class CertificateAccess {

  private static final Set<String> STAFF =
      Set.of(
          Role.ADMIN.authority(),
          Role.PARTNER_MANAGER.authority(),
          Role.LEGAL.authority(),
          Role.ENABLEMENT.authority(),
          SystemIdentity.AUTHORITY);

  private final UserAccountService users;
  private final PortalMembers portalMembers;

  CertificateAccess(UserAccountService users, PortalMembers portalMembers) {
    this.users = users;
    this.portalMembers = portalMembers;
  }

  /** The caller as the checks see them. */
  Viewer viewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return Viewer.NOBODY;
    }
    boolean staff =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(STAFF::contains);
    if (staff) {
      return new Viewer(true, null, null, false);
    }
    boolean partnerUser =
        authentication.getAuthorities().stream()
            .anyMatch(a -> Role.PARTNER.authority().equals(a.getAuthority()));
    Optional<UserAccount> account =
        partnerUser ? users.findByUsername(authentication.getName()) : Optional.empty();
    if (account.isEmpty() || account.get().partnerId() == null) {
      return Viewer.NOBODY;
    }
    UserAccount user = account.get();
    boolean mainContact = portalMembers.rolesOf(user.id()).contains(PortalRole.MAIN_CONTACT);
    return new Viewer(false, user.id(), user.partnerId(), mainContact);
  }

  /**
   * What the access rules need of the caller.
   *
   * @param userId the partner user's id, null for staff and nobody
   * @param partnerId the partner user's organisation
   * @param mainContact whether the partner user is their organisation's main contact
   */
  record Viewer(boolean staff, Long userId, Long partnerId, boolean mainContact) {

    static final Viewer NOBODY = new Viewer(false, null, null, false);

    boolean maySee(Certificate certificate) {
      if (staff) {
        return true;
      }
      if (userId == null) {
        return false;
      }
      return certificate.userId() == userId
          || (mainContact && certificate.partnerId() == partnerId);
    }

    /** Whether the caller may see every certificate of the organisation. */
    boolean seesOrganisation(long organisation) {
      return staff || (mainContact && partnerId != null && partnerId == organisation);
    }
  }
}
