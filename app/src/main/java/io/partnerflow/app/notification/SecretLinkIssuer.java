package io.partnerflow.app.notification;

/** Issues the secret link of a {@link SecretLink} when its notice is sent. */
public interface SecretLinkIssuer {

  /** The {@link SecretLink#kind()} this issuer serves. */
  String kind();

  /**
   * A fresh absolute http(s) link for the subject (committed before it is returned).
   *
   * @throws IllegalStateException when no link can be issued (e.g. the subject is gone)
   */
  String issue(String subject);
}
