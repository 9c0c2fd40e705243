package io.partnerflow.app.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitation links by the hash of their token. */
@Repository
class InvitationRepository {

  private final JdbcClient jdbc;

  InvitationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String tokenHash, long userId, Instant expiresAt) {
    jdbc.sql(
            "INSERT INTO app.user_invitation (token_hash, user_id, expires_at)"
                + " VALUES (:hash, :user, :expires)")
        .param("hash", tokenHash)
        .param("user", userId)
        .param("expires", java.sql.Timestamp.from(expiresAt))
        .update();
  }

  /** Revokes the user's links not used yet. */
  void deleteUnused(long userId) {
    jdbc.sql("DELETE FROM app.user_invitation WHERE user_id = :user AND used_at IS NULL")
        .param("user", userId)
        .update();
  }

  /** The user of an unused, unexpired invitation, locked so a link is used only once. */
  Optional<Long> lockUsable(String tokenHash, Instant now) {
    return jdbc.sql(
            "SELECT user_id FROM app.user_invitation WHERE token_hash = :hash"
                + " AND used_at IS NULL AND expires_at > :now FOR UPDATE")
        .param("hash", tokenHash)
        .param("now", java.sql.Timestamp.from(now))
        .query(Long.class)
        .optional();
  }

  /** Whether the user ever set a password through a link. */
  boolean anyUsed(long userId) {
    return jdbc.sql(
                "SELECT count(*) FROM app.user_invitation WHERE user_id = :user AND used_at IS NOT NULL")
            .param("user", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** When the user's newest unused link expires, if there is one. */
  Optional<Instant> pendingUntil(long userId) {
    return jdbc.sql(
            "SELECT max(expires_at) FROM app.user_invitation WHERE user_id = :user"
                + " AND used_at IS NULL")
        .param("user", userId)
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .filter(java.util.Objects::nonNull)
        .map(java.sql.Timestamp::toInstant);
  }

  void markUsed(String tokenHash, Instant now) {
    jdbc.sql("UPDATE app.user_invitation SET used_at = :now WHERE token_hash = :hash")
        .param("hash", tokenHash)
        .param("now", java.sql.Timestamp.from(now))
        .update();
  }
}
