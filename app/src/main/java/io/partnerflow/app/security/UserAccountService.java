package io.partnerflow.app.security;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, roles and groups. Listing and changing users is for administrators only; each change is in
 * the audit log.
 */
@Service
public class UserAccountService {

  private final UserAccountRepository repository;
  private final PasswordEncoder passwordEncoder;
  private final AccountSessions sessions;
  private final AuditLog auditLog;

  UserAccountService(
      UserAccountRepository repository,
      PasswordEncoder passwordEncoder,
      AccountSessions sessions,
      AuditLog auditLog) {
    this.repository = repository;
    this.passwordEncoder = passwordEncoder;
    this.sessions = sessions;
    this.auditLog = auditLog;
  }

  @Secured("ROLE_ADMIN")
  public List<UserAccount> findAll() {
    return repository.findAll();
  }

  /** The active members of a group, e.g. the team leads to notify; for admins and workers. */
  @Secured({"ROLE_ADMIN", SystemIdentity.AUTHORITY})
  public List<UserAccount> membersOf(String group) {
    return repository.findAll().stream()
        .filter(user -> user.enabled() && user.groups().contains(group))
        .toList();
  }

  /** For login and for services that need the current user's memberships. */
  public Optional<UserAccount> findByUsername(String username) {
    return repository.findByUsername(username);
  }

  /**
   * Creates the user unless one with that name exists (system start-up: demo users, the initial
   * administrator). Returns whether it was created.
   */
  @Transactional
  public boolean createIfAbsent(NewUserAccount user) {
    if (repository.existsByUsername(user.username())) {
      return false;
    }
    repository.insert(user, passwordEncoder.encode(user.rawPassword()));
    auditLog.record(
        AuditAction.USER_CHANGED, AuditSubject.user(user.username()), null, state(user));
    return true;
  }

  /**
   * Makes an existing partner user, not yet of any organisation, a user of that partner (system
   * start-up: the demo partner), as its main contact and signatory. Returns whether it was linked
   * now.
   */
  @Secured(SystemIdentity.AUTHORITY)
  @Transactional
  public boolean linkToPartner(String username, long partnerId) {
    Optional<UserAccount> user = repository.findByUsername(username);
    if (user.isEmpty()
        || user.get().partnerId() != null
        || !user.get().roles().equals(Set.of(Role.PARTNER))) {
      return false;
    }
    repository.bindToPartner(user.get().id(), partnerId);
    // the linked user stands for the organisation like an invited contact does
    repository.grantPortalRoles(
        user.get().id(), Set.of(PortalRole.MAIN_CONTACT, PortalRole.SIGNATORY));
    return true;
  }

  /**
   * Gives the user exactly these roles; their sessions end, so the new roles apply from their next
   * login.
   *
   * @throws AccountChangeRefusedException for an unknown user, or an administrator taking away
   *     their own administration (nobody locks the platform's operators out by mistake)
   */
  @Secured("ROLE_ADMIN")
  @Transactional
  public void changeRoles(String username, Set<Role> roles) {
    Objects.requireNonNull(roles, "roles");
    UserAccount user = existing(username);
    if (isCurrentUser(username) && !roles.contains(Role.ADMIN)) {
      throw new AccountChangeRefusedException(
          "users.error.ownAdmin", "You cannot take away your own administrator role");
    }
    if (user.roles().equals(roles)) {
      return;
    }
    repository.replaceRoles(user.id(), roles);
    sessions.endAfterCommit(username);
    auditLog.record(
        AuditAction.USER_CHANGED,
        userSubject(user),
        Map.of("roles", sorted(user.roles())),
        Map.of("roles", sorted(roles)));
  }

  /**
   * Enables or disables the account; disabling ends its sessions.
   *
   * @throws AccountChangeRefusedException for an unknown user, or an administrator disabling
   *     themselves
   */
  @Secured("ROLE_ADMIN")
  @Transactional
  public void setEnabled(String username, boolean enabled) {
    UserAccount user = existing(username);
    if (isCurrentUser(username) && !enabled) {
      throw new AccountChangeRefusedException(
          "users.error.ownAccount", "You cannot disable your own account");
    }
    if (user.enabled() == enabled) {
      return;
    }
    repository.updateEnabled(user.id(), enabled);
    if (!enabled) {
      sessions.endAfterCommit(username);
    }
    auditLog.record(
        AuditAction.USER_CHANGED,
        userSubject(user),
        Map.of("enabled", user.enabled()),
        Map.of("enabled", enabled));
  }

  private UserAccount existing(String username) {
    return repository
        .findByUsername(username)
        .orElseThrow(
            () ->
                new AccountChangeRefusedException(
                    "users.error.unknown", "No user named " + username));
  }

  private static boolean isCurrentUser(String username) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && username.equals(authentication.getName());
  }

  private static AuditSubject userSubject(UserAccount user) {
    return new AuditSubject(AuditSubject.USER, user.username(), user.partnerId(), null);
  }

  private static List<String> sorted(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toList();
  }

  /** What an audit entry shows of a new account: never its password. */
  private static Map<String, Object> state(NewUserAccount user) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("displayName", user.displayName());
    state.put("email", user.email());
    state.put("roles", sorted(user.roles()));
    state.put("groups", user.groups().stream().sorted().toList());
    state.put("enabled", true);
    return state;
  }

  public boolean anyUserWithRole(Role role) {
    return repository.existsWithRole(role);
  }
}
