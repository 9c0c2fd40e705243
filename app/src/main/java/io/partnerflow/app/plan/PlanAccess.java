package io.partnerflow.app.plan;

import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see a partner's plans: the partner's own users, the partner manager who owns the partner,
 * team leads ({@code partner-manager-leads}) and administrators. Anybody else is refused with one
 * answer, whether the partner exists or not.
 */
@Component
class PlanAccess {

  static final String TEAM_LEADS = "partner-manager-leads";

  private final CurrentUser currentUser;
  private final PartnerService partners;

  PlanAccess(CurrentUser currentUser, PartnerService partners) {
    this.currentUser = currentUser;
    this.partners = partners;
  }

  /** The caller, after checking they may see the partner's plans. */
  Caller check(long partnerId) {
    if (isSystem()) {
      return new Caller("system", false, true);
    }
    UserAccount user =
        currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    if (user.roles().contains(Role.PARTNER)) {
      if (!Objects.equals(user.partnerId(), partnerId)) {
        throw refused(partnerId);
      }
      return new Caller(user.username(), true, false);
    }
    if (user.roles().contains(Role.ADMIN) || user.groups().contains(TEAM_LEADS)) {
      return new Caller(user.username(), false, true);
    }
    if (user.roles().contains(Role.PARTNER_MANAGER)) {
      String owner =
          SystemIdentity.call(
              () -> partners.findById(partnerId).map(Partner::ownerUsername).orElse(null));
      if (user.username().equals(owner)) {
        return new Caller(user.username(), false, true);
      }
    }
    throw refused(partnerId);
  }

  /** As {@link #check} and the caller must be one of the partner's users. */
  Caller checkPartnerUser(long partnerId) {
    Caller caller = check(partnerId);
    if (!caller.partnerUser()) {
      throw new AccessDeniedException("Only the partner's own users edit its plan");
    }
    return caller;
  }

  /** As {@link #check} and the caller must be staff (the owning manager, a lead, an admin). */
  Caller checkStaff(long partnerId) {
    Caller caller = check(partnerId);
    if (!caller.staff()) {
      throw new AccessDeniedException("Only the partner's manager reviews its plan");
    }
    return caller;
  }

  UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }

  private static boolean isSystem() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(SystemIdentity.AUTHORITY::equals);
  }

  private static AccessDeniedException refused(long partnerId) {
    return new AccessDeniedException("The plans of partner " + partnerId + " are not yours to see");
  }

  /** Who asks: one of the partner's users, or staff who may review. */
  record Caller(String username, boolean partnerUser, boolean staff) {}
}
