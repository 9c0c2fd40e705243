package io.partnerflow.app.notification;

/**
 * A link that is a credential (a one-time invitation, an applicant's status page): the outbox never
 * stores it. The notice is stored with {@link #MASK} in place of the link, and the dispatcher asks
 * the {@link SecretLinkIssuer} of {@code kind} for a fresh link just before sending.
 *
 * @param parameter the template parameter that holds the link, e.g. {@code setPasswordLink}
 * @param kind which {@link SecretLinkIssuer} issues it
 * @param subject what the issuer issues it for, e.g. a user or an application id
 */
public record SecretLink(String parameter, String kind, String subject) {

  /** What administrators see in the outbox instead of the link. */
  public static final String MASK = "https://one-time-link.invalid/issued-when-sent";

  public static SecretLink of(String parameter, String kind, Object subject) {
    return new SecretLink(parameter, kind, String.valueOf(subject));
  }
}
