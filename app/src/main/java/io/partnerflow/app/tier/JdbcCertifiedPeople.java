package io.partnerflow.app.tier;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts certified people straight from {@code app.certificate} (a certificate is valid while its
 * status is VALID and it has not expired). Stands in until the certification feature implements
 * {@link CertifiedPeople} itself; remove this class then.
 */
@Component
class JdbcCertifiedPeople implements CertifiedPeople {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcCertifiedPeople(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Map<String, Integer> validHoldersByCertification(long partnerId) {
    Map<String, Integer> holders = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT c.code, count(DISTINCT cert.user_id) FROM app.certificate cert"
                + " JOIN app.certification c ON c.id = cert.certification_id"
                + " WHERE cert.partner_id = :partnerId AND cert.status = 'VALID'"
                + " AND cert.expires_at > :now GROUP BY c.code ORDER BY c.code")
        .param("partnerId", partnerId)
        .param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> holders.put(rs.getString(1), rs.getInt(2)))
        .list();
    return holders;
  }
}
