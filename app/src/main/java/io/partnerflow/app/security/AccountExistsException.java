package io.partnerflow.app.security;

/** An account with that username exists already; nothing was created. */
public class AccountExistsException extends RuntimeException {

  public AccountExistsException(String username) {
    super("An account named " + username + " exists already");
  }
}
