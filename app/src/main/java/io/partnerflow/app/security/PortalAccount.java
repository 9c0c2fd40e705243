package io.partnerflow.app.security;

/** A partner user invited to the portal. */
public record PortalAccount(long userId, String username) {}
