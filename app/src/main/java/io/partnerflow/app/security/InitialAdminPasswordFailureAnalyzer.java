package io.partnerflow.app.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused initial administrator password into Spring Boot's plain start-up report. */
class InitialAdminPasswordFailureAnalyzer
    extends AbstractFailureAnalyzer<InitialAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InitialAdminPasswordException cause) {
    return new FailureAnalysis(
        "The initial administrator password (PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD) is"
            + " refused: "
            + PasswordPolicy.explain(cause.violation())
            + ". User 'admin' was not created.",
        "Set PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD to a password of at least %d characters and at most %d bytes in UTF-8, the same rule as for invited users, and start again."
            .formatted(PasswordPolicy.MINIMUM_LENGTH, PasswordPolicy.MAXIMUM_BYTES),
        cause);
  }
}
