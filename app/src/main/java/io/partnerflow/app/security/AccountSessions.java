package io.partnerflow.app.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The UI sessions of each account on this node (Spring Security's session registry), so that a
 * password change can end them: the next request of an ended session is logged out.
 */
@Component
class AccountSessions {

  private final SessionRegistry registry;

  AccountSessions(SessionRegistry registry) {
    this.registry = registry;
  }

  /** Ends every session of the user once the current transaction commits (at once without one). */
  void endAfterCommit(String username) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              end(username);
            }
          });
    } else {
      end(username);
    }
  }

  void end(String username) {
    for (Object principal : registry.getAllPrincipals()) {
      if (username.equals(name(principal))) {
        registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
      }
    }
  }

  /** How many live sessions the user has on this node. */
  int count(String username) {
    int count = 0;
    for (Object principal : registry.getAllPrincipals()) {
      if (username.equals(name(principal))) {
        count += registry.getAllSessions(principal, false).size();
      }
    }
    return count;
  }

  private static String name(Object principal) {
    return principal instanceof org.springframework.security.core.userdetails.UserDetails user
        ? user.getUsername()
        : String.valueOf(principal);
  }
}
