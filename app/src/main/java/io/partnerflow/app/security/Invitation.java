package io.partnerflow.app.security;

import java.time.Instant;

/**
 * A one-time link for a new user to set their password.
 *
 * @param token the secret of the link; only its hash is stored
 */
public record Invitation(String username, String token, Instant expiresAt) {}
