package io.partnerflow.app.security;

import java.util.Set;

/**
 * A person who logs in. Partner users carry the id of their partner organisation.
 *
 * @param passwordHash bcrypt hash, never the password
 */
public record UserAccount(
    long id,
    String username,
    String passwordHash,
    String displayName,
    String email,
    boolean enabled,
    Long partnerId,
    Set<Role> roles,
    Set<String> groups) {

  public UserAccount {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }
}
