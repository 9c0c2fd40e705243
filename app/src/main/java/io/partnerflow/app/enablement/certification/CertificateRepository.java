package io.partnerflow.app.enablement.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates ({@code app.certificate}) with their certification's and holder's names. */
@Repository
class CertificateRepository {

  private static final String SELECT =
      "SELECT c.id, c.certification_id, k.code, k.name_en, k.name_zh, c.user_id,"
          + " COALESCE(u.display_name, u.username) AS holder_name, c.partner_id,"
          + " c.verification_code, c.issued_at, c.expires_at, c.status, c.renewed_by_id"
          + " FROM app.certificate c JOIN app.certification k ON k.id = c.certification_id"
          + " JOIN app.app_user u ON u.id = c.user_id";

  private final JdbcClient jdbc;

  CertificateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long certificationId,
      long userId,
      long partnerId,
      String verificationCode,
      Instant issuedAt,
      Instant expiresAt) {
    return jdbc.sql(
            "INSERT INTO app.certificate (certification_id, user_id, partner_id,"
                + " verification_code, issued_at, expires_at, status) VALUES (:certification,"
                + " :user, :partner, :code, :issuedAt, :expiresAt, 'VALID') RETURNING id")
        .param("certification", certificationId)
        .param("user", userId)
        .param("partner", partnerId)
        .param("code", verificationCode)
        .param("issuedAt", utc(issuedAt))
        .param("expiresAt", utc(expiresAt))
        .query(Long.class)
        .single();
  }

  Optional<Certificate> findById(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = :id")
        .param("id", id)
        .query(CertificateRepository::certificate)
        .optional();
  }

  Optional<Certificate> lockById(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = :id FOR UPDATE OF c")
        .param("id", id)
        .query(CertificateRepository::certificate)
        .optional();
  }

  Optional<Certificate> findByVerificationCode(String code) {
    return jdbc.sql(SELECT + " WHERE c.verification_code = :code")
        .param("code", code)
        .query(CertificateRepository::certificate)
        .optional();
  }

  /** The person's VALID certificate of the certification (at most one), locked. */
  Optional<Certificate> lockValid(long userId, long certificationId) {
    return jdbc.sql(
            SELECT
                + " WHERE c.user_id = :user AND c.certification_id = :certification"
                + " AND c.status = 'VALID' FOR UPDATE OF c")
        .param("user", userId)
        .param("certification", certificationId)
        .query(CertificateRepository::certificate)
        .optional();
  }

  /** The person's certificates, newest first. */
  List<Certificate> findByUser(long userId) {
    return jdbc.sql(SELECT + " WHERE c.user_id = :user ORDER BY c.issued_at DESC, c.id DESC")
        .param("user", userId)
        .query(CertificateRepository::certificate)
        .list();
  }

  /** The organisation's certificates with status VALID whose expiry lies after {@code now}. */
  List<Certificate> findValidByPartner(long partnerId, Instant now) {
    return jdbc.sql(
            SELECT
                + " WHERE c.partner_id = :partner AND c.status = 'VALID' AND c.expires_at > :now"
                + " ORDER BY k.code, holder_name, c.id")
        .param("partner", partnerId)
        .param("now", utc(now))
        .query(CertificateRepository::certificate)
        .list();
  }

  void updateStatus(long id, CertificateStatus status, Long renewedById) {
    jdbc.sql(
            "UPDATE app.certificate SET status = :status, renewed_by_id = :renewedBy WHERE id = :id")
        .param("status", status.name())
        .param("renewedBy", renewedById)
        .param("id", id)
        .update();
  }

  /** The certification's validity in months, if it exists. */
  Optional<Integer> validityMonths(long certificationId) {
    return jdbc.sql("SELECT validity_months FROM app.certification WHERE id = :id")
        .param("id", certificationId)
        .query(Integer.class)
        .optional();
  }

  /** The code of a certification, if it exists. */
  Optional<String> certificationCode(long certificationId) {
    return jdbc.sql("SELECT code FROM app.certification WHERE id = :id")
        .param("id", certificationId)
        .query(String.class)
        .optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Certificate certificate(ResultSet rs, int row) throws SQLException {
    Number renewedBy = (Number) rs.getObject("renewed_by_id");
    return new Certificate(
        rs.getLong("id"),
        rs.getLong("certification_id"),
        rs.getString("code"),
        rs.getString("name_en"),
        rs.getString("name_zh"),
        rs.getLong("user_id"),
        rs.getString("holder_name"),
        rs.getLong("partner_id"),
        rs.getString("verification_code"),
        instant(rs.getTimestamp("issued_at")),
        instant(rs.getTimestamp("expires_at")),
        CertificateStatus.valueOf(rs.getString("status")),
        renewedBy == null ? null : renewedBy.longValue());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
