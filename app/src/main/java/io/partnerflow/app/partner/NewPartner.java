package io.partnerflow.app.partner;

/**
 * What it takes to create a partner, e.g. from an approved application. New partners start as
 * {@link PartnerStatus#ONBOARDING}.
 *
 * @param website optional; "example.com" is stored as "https://example.com"
 * @param country ISO 3166-1 alpha-2 code (any case)
 * @param ownerUsername an existing partner manager or administrator, or null
 * @param contact the primary contact, or null
 * @param fitScore 0-100, or null
 * @param applicationId the recruitment application: creation is idempotent per application
 */
public record NewPartner(
    String name,
    String website,
    String country,
    PartnerType type,
    PartnerTier tier,
    String ownerUsername,
    PartnerContact contact,
    Integer fitScore,
    Long applicationId) {}
