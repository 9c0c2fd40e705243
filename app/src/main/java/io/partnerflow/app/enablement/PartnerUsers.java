package io.partnerflow.app.enablement;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which organisation a partner user belongs to, as courses and certificates both need to know (one
 * query for the enablement features, not a copy in each repository). No access check: callers check
 * who asks.
 */
@Component
public class PartnerUsers {

  private final JdbcClient jdbc;

  PartnerUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organisation of a partner user, if the user exists and belongs to one. */
  public Optional<Long> partnerOf(long userId) {
    return jdbc.sql("SELECT partner_id FROM app.app_user WHERE id = :id AND partner_id IS NOT NULL")
        .param("id", userId)
        .query(Long.class)
        .optional();
  }
}
