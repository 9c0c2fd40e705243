package io.partnerflow.app.partner;

import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which partners the caller may see: staff and process workers all of them, a partner user only
 * their own organisation, anybody else none.
 */
@Component
class PartnerAccess {

  static final String SYSTEM_ACTOR = "system";

  private static final Set<String> SEE_ALL =
      Set.of(
          Role.ADMIN.authority(),
          Role.PARTNER_MANAGER.authority(),
          Role.LEGAL.authority(),
          Role.ENABLEMENT.authority(),
          PartnerService.SYSTEM);

  private final UserAccountService users;

  PartnerAccess(UserAccountService users) {
    this.users = users;
  }

  /** Who is asking; never null. */
  Viewer viewer() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new AccessDeniedException("Partners are not visible anonymously");
    }
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(java.util.stream.Collectors.toSet());
    String name = authentication.getName();
    if (authorities.stream().anyMatch(SEE_ALL::contains)) {
      return new Viewer(name, true, null);
    }
    if (authorities.contains(Role.PARTNER.authority())) {
      Long partnerId = users.findByUsername(name).map(UserAccount::partnerId).orElse(null);
      return new Viewer(name, false, partnerId);
    }
    throw new AccessDeniedException("No role that may see partners");
  }

  /** Throws unless the caller may see that partner (whether it exists or not). */
  Viewer checkCanSee(long partnerId) {
    Viewer viewer = viewer();
    if (!viewer.maySee(partnerId)) {
      throw new AccessDeniedException("Partner " + partnerId + " is not your organisation");
    }
    return viewer;
  }

  /** The name recorded as the actor of a change. */
  String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? SYSTEM_ACTOR : authentication.getName();
  }

  /** The caller: either sees all partners or only the one of their organisation (maybe none). */
  record Viewer(String username, boolean seesAll, Long partnerId) {

    boolean maySee(long id) {
      return seesAll || Objects.equals(partnerId, id);
    }
  }
}
