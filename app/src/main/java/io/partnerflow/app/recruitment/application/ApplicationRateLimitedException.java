package io.partnerflow.app.recruitment.application;

/** Too many applications from one address within the configured window; nothing was stored. */
public class ApplicationRateLimitedException extends RuntimeException {

  public ApplicationRateLimitedException() {
    super("Too many applications from this address");
  }
}
