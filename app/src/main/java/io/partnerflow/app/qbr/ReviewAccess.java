package io.partnerflow.app.qbr;

import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which reviews: a partner user only its organisation's (without the internal
 * parts, see {@link PartnerReview}); a partner manager the reviews of the partners they own; the
 * managers' team leads, administrators and the platform all.
 */
@Component
class ReviewAccess {

  private final UserAccountService users;
  private final PartnerService partners;

  ReviewAccess(UserAccountService users, PartnerService partners) {
    this.users = users;
    this.partners = partners;
  }

  /** The caller as a reader of reviews. */
  Reader reader() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AccessDeniedException("Not logged in");
    }
    boolean system =
        authentication.getAuthorities().stream()
            .anyMatch(a -> SystemIdentity.AUTHORITY.equals(a.getAuthority()));
    if (system) {
      return new Reader("system", null, true, null);
    }
    UserAccount user =
        users
            .findByUsername(authentication.getName())
            .orElseThrow(() -> new AccessDeniedException("Unknown user"));
    boolean seesAll =
        user.roles().contains(Role.ADMIN) || user.groups().contains(ReviewSteps.TEAM_LEADS);
    Long partnerId = user.roles().contains(Role.PARTNER) ? user.partnerId() : null;
    return new Reader(user.username(), user, seesAll, partnerId);
  }

  /** The partner, when the caller is staff allowed to see its reviews (internal parts included). */
  Partner checkStaffMaySee(long partnerId) {
    Reader reader = reader();
    Partner partner =
        SystemIdentity.call(() -> partners.findById(partnerId))
            .orElseThrow(() -> new AccessDeniedException("No such partner"));
    if (reader.partnerId() != null || !reader.mayManage(partner)) {
      throw new AccessDeniedException("Not a partner you manage");
    }
    return partner;
  }

  /** The caller's organisation, when the caller is a partner user. */
  long checkPartnerUser() {
    Reader reader = reader();
    if (reader.partnerId() == null) {
      throw new AccessDeniedException("Not a partner user");
    }
    return reader.partnerId();
  }

  /**
   * The caller.
   *
   * @param seesAll administrators, team leads and the platform
   * @param partnerId the organisation of a partner user, null for staff
   */
  record Reader(String username, UserAccount account, boolean seesAll, Long partnerId) {

    boolean mayManage(Partner partner) {
      return partnerId == null
          && (seesAll || Objects.equals(partner.ownerUsername(), username))
          && (seesAll || account.roles().contains(Role.PARTNER_MANAGER));
    }
  }
}
