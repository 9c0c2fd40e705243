package io.partnerflow.app.dashboard;

/**
 * Certification coverage of one tier: how many of its active partners have at least one person with
 * a valid, unexpired certificate.
 */
public record Coverage(String tier, long partners, long certified) {

  /** Share of the tier's partners with a certified person (0–1); 0 for an empty tier. */
  public double share() {
    return partners == 0 ? 0 : (double) certified / partners;
  }
}
