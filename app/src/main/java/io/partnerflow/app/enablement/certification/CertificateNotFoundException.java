package io.partnerflow.app.enablement.certification;

/**
 * A certificate the caller asked for does not exist or is not theirs to see; both are told alike,
 * so ids cannot be probed.
 */
public class CertificateNotFoundException extends RuntimeException {

  public CertificateNotFoundException(long id) {
    super("No certificate " + id + " for you");
  }
}
