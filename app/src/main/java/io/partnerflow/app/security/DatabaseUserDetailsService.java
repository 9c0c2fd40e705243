package io.partnerflow.app.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Login against the users table; roles become {@code ROLE_*} authorities. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

  private final UserAccountRepository repository;

  DatabaseUserDetailsService(UserAccountRepository repository) {
    this.repository = repository;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserAccount account =
        repository
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    return User.withUsername(account.username())
        .password(account.passwordHash())
        .disabled(!account.enabled())
        .authorities(
            account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList())
        .build();
  }
}
