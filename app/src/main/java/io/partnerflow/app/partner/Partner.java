package io.partnerflow.app.partner;

import java.time.Instant;

/**
 * A partner organisation.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param ownerUsername the partner manager who owns the relationship, or null
 * @param fitScore ideal-partner-profile score 0-100, or null
 * @param applicationId the recruitment application it came from, or null
 */
public record Partner(
    long id,
    String name,
    String website,
    String country,
    PartnerType type,
    PartnerTier tier,
    PartnerStatus status,
    String ownerUsername,
    Integer fitScore,
    Long applicationId,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * What a partner user may see of their own organisation: not the partner manager who owns it nor
   * the fit score of the assessment.
   */
  public Partner withoutInternals() {
    return new Partner(
        id,
        name,
        website,
        country,
        type,
        tier,
        status,
        null,
        null,
        applicationId,
        createdAt,
        updatedAt);
  }
}
