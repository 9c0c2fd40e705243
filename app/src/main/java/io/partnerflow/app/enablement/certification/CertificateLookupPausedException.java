package io.partnerflow.app.enablement.certification;

import java.time.Instant;

/**
 * The client address looked up too many unknown verification codes: lookups from it are refused
 * until {@link #until()}, before any code is checked.
 */
public class CertificateLookupPausedException extends RuntimeException {

  private final Instant until;

  public CertificateLookupPausedException(Instant until) {
    super("Too many unknown verification codes from this address; paused until " + until);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
