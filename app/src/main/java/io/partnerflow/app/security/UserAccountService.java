package io.partnerflow.app.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, roles and groups. Listing users is for administrators only. */
@Service
public class UserAccountService {

  private final UserAccountRepository repository;
  private final PasswordEncoder passwordEncoder;

  UserAccountService(UserAccountRepository repository, PasswordEncoder passwordEncoder) {
    this.repository = repository;
    this.passwordEncoder = passwordEncoder;
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
        || !user.get().roles().equals(java.util.Set.of(Role.PARTNER))) {
      return false;
    }
    repository.bindToPartner(user.get().id(), partnerId);
    // the linked user stands for the organisation like an invited contact does
    repository.grantPortalRoles(
        user.get().id(), java.util.Set.of(PortalRole.MAIN_CONTACT, PortalRole.SIGNATORY));
    return true;
  }

  public boolean anyUserWithRole(Role role) {
    return repository.existsWithRole(role);
  }
}
