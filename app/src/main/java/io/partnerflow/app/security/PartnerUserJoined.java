package io.partnerflow.app.security;

/**
 * A partner user set their password through an invitation link: from now on they log in to the
 * portal. Published within the transaction that used the link; listeners act after its commit.
 */
public record PartnerUserJoined(long userId, long partnerId) {}
