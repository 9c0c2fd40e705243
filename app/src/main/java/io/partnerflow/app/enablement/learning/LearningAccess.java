package io.partnerflow.app.enablement.learning;

import io.partnerflow.app.enablement.PartnerUsers;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see whose learning: a partner user only their own; enablement staff, administrators and
 * process workers everybody's; a partner manager the people of the partners they own.
 */
@Component
class LearningAccess {

  private final LearningReadRepository reads;
  private final PartnerUsers partnerUsers;

  LearningAccess(LearningReadRepository reads, PartnerUsers partnerUsers) {
    this.partnerUsers = partnerUsers;
    this.reads = reads;
  }

  /** The caller: id (null for the system and staff without... never null for a logged-in user). */
  record Caller(String username, Long userId, Long partnerId, Set<String> authorities) {

    boolean seesAll() {
      return authorities.contains(Role.ADMIN.authority())
          || authorities.contains(Role.ENABLEMENT.authority())
          || authorities.contains(SystemIdentity.AUTHORITY);
    }

    boolean manager() {
      return authorities.contains(Role.PARTNER_MANAGER.authority());
    }
  }

  Caller caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new AccessDeniedException("Learning is not visible anonymously");
    }
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    var account = reads.account(authentication.getName());
    return new Caller(
        authentication.getName(),
        account.map(LearningReadRepository.Account::id).orElse(null),
        account.map(LearningReadRepository.Account::partnerId).orElse(null),
        authorities);
  }

  /** The caller as a partner user (their id), refused for everybody else. */
  long partnerUser() {
    Caller caller = caller();
    if (caller.userId() == null
        || caller.partnerId() == null
        || !caller.authorities().contains(Role.PARTNER.authority())) {
      throw new AccessDeniedException("Only partner users take courses");
    }
    return caller.userId();
  }

  /** Throws unless the caller may see the organisation's learning. */
  void checkOrganisation(long partnerId) {
    Caller caller = caller();
    if (caller.seesAll()) {
      return;
    }
    if (caller.manager()
        && reads.partnerOwner(partnerId).filter(caller.username()::equals).isPresent()) {
      return;
    }
    throw new AccessDeniedException(
        "The learning of partner " + partnerId + " is not yours to see");
  }

  /** Throws unless the caller may see the person's learning (a partner user: only their own). */
  void checkPerson(long userId) {
    Caller caller = caller();
    if (caller.seesAll() || Objects.equals(caller.userId(), userId)) {
      return;
    }
    Long partnerId = partnerUsers.partnerOf(userId).orElse(null);
    if (caller.manager()
        && partnerId != null
        && reads.partnerOwner(partnerId).filter(caller.username()::equals).isPresent()) {
      return;
    }
    throw new AccessDeniedException("The learning of user " + userId + " is not yours to see");
  }
}
