package io.partnerflow.app.contract;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contracts and their signatures in schema {@code app}. */
@Repository
class ContractRepository {

  private static final String COLUMNS =
      "id, partner_id, process_instance_key, renewal_of, template_id, countersignature_required,"
          + " term_months, language, status, current_document_id, current_document_sha256,"
          + " sealed_document_id, effective_on, ends_on, decline_reason, change_request";

  private final JdbcClient jdbc;

  ContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the instance's contract unless it exists; returns its id either way. */
  long insertOnce(NewContract contract) {
    Optional<Long> inserted =
        jdbc.sql(
                "INSERT INTO app.contract (partner_id, process_instance_key, renewal_of,"
                    + " template_id, countersignature_required, term_months, language, status,"
                    + " effective_on) VALUES (:partnerId, :instance, :renewalOf, :templateId,"
                    + " :countersignature, :termMonths, :language, 'AWAITING_SIGNATURE',"
                    + " :effectiveOn) ON CONFLICT (process_instance_key) DO NOTHING RETURNING id")
            .param("partnerId", contract.partnerId())
            .param("instance", contract.processInstanceKey())
            .param("renewalOf", contract.renewalOf())
            .param("templateId", contract.templateId())
            .param("countersignature", contract.countersignatureRequired())
            .param("termMonths", contract.termMonths())
            .param("language", contract.language())
            .param("effectiveOn", Date.valueOf(contract.effectiveOn()))
            .query(Long.class)
            .optional();
    return inserted.orElseGet(
        () -> findByProcessInstance(contract.processInstanceKey()).orElseThrow().id());
  }

  Optional<Contract> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.contract WHERE id = :id")
        .param("id", id)
        .query(ContractRepository::contract)
        .optional();
  }

  Optional<Contract> lockById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.contract WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(ContractRepository::contract)
        .optional();
  }

  Optional<Contract> findByProcessInstance(long processInstanceKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.contract WHERE process_instance_key = :key")
        .param("key", processInstanceKey)
        .query(ContractRepository::contract)
        .optional();
  }

  /** The partner's contracts, newest first. */
  List<Contract> findByPartner(long partnerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.contract WHERE partner_id = :partnerId ORDER BY id DESC")
        .param("partnerId", partnerId)
        .query(ContractRepository::contract)
        .list();
  }

  boolean anyInForce(long partnerId, LocalDate today) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM app.contract WHERE partner_id = :partnerId"
                + " AND status = 'IN_FORCE' AND (ends_on IS NULL OR ends_on >= :today))")
        .param("partnerId", partnerId)
        .param("today", Date.valueOf(today))
        .query(Boolean.class)
        .single();
  }

  /** A freshly rendered document replaces the one shown for signing. */
  void showDocument(long id, long documentId, String sha256, LocalDate effectiveOn) {
    jdbc.sql(
            "UPDATE app.contract SET current_document_id = :documentId,"
                + " current_document_sha256 = :sha256, effective_on = :effectiveOn,"
                + " status = 'AWAITING_SIGNATURE', updated_at = now() WHERE id = :id")
        .param("documentId", documentId)
        .param("sha256", sha256)
        .param("effectiveOn", Date.valueOf(effectiveOn))
        .param("id", id)
        .update();
  }

  void updateStatus(long id, ContractStatus status) {
    jdbc.sql("UPDATE app.contract SET status = :status, updated_at = now() WHERE id = :id")
        .param("status", status.name())
        .param("id", id)
        .update();
  }

  void decline(long id, String reason) {
    jdbc.sql(
            "UPDATE app.contract SET status = 'DECLINED', decline_reason = :reason,"
                + " updated_at = now() WHERE id = :id")
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  void requestChanges(long id, String comment) {
    jdbc.sql(
            "UPDATE app.contract SET status = 'CHANGES_REQUESTED', change_request = :comment,"
                + " updated_at = now() WHERE id = :id")
        .param("comment", comment)
        .param("id", id)
        .update();
  }

  void seal(long id, long sealedDocumentId) {
    jdbc.sql(
            "UPDATE app.contract SET sealed_document_id = :sealed, updated_at = now()"
                + " WHERE id = :id")
        .param("sealed", sealedDocumentId)
        .param("id", id)
        .update();
  }

  void putInForce(long id, LocalDate endsOn, Instant at) {
    jdbc.sql(
            "UPDATE app.contract SET status = 'IN_FORCE', ends_on = :endsOn, in_force_at = :at,"
                + " updated_at = now() WHERE id = :id")
        .param("endsOn", Date.valueOf(endsOn))
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /** Stores the evidence unless this document was signed in this capacity; whether it was new. */
  boolean insertSignature(long contractId, SignatureEvidence evidence, Long userTaskKey) {
    return jdbc.sql(
                "INSERT INTO app.contract_signature (contract_id, role, account, typed_name,"
                    + " signed_at, client_address, user_agent, document_sha256, user_task_key)"
                    + " VALUES (:contractId, :role, :account, :typedName, :signedAt, :address,"
                    + " :userAgent, :sha256, :taskKey)"
                    + " ON CONFLICT (contract_id, document_sha256, role) DO NOTHING")
            .param("contractId", contractId)
            .param("role", evidence.role().name())
            .param("account", evidence.account())
            .param("typedName", evidence.typedName())
            .param("signedAt", Timestamp.from(evidence.signedAt()))
            .param("address", evidence.clientAddress())
            .param("userAgent", evidence.userAgent())
            .param("sha256", evidence.documentSha256())
            .param("taskKey", userTaskKey)
            .update()
        == 1;
  }

  /** Undoes a signature whose task completion the engine refused. */
  void deleteSignature(long contractId, long userTaskKey) {
    jdbc.sql(
            "DELETE FROM app.contract_signature WHERE contract_id = :contractId"
                + " AND user_task_key = :taskKey")
        .param("contractId", contractId)
        .param("taskKey", userTaskKey)
        .update();
  }

  /** The signatures of one document, in the order they were given. */
  List<SignatureEvidence> signatures(long contractId, String documentSha256) {
    return jdbc.sql(
            "SELECT role, account, typed_name, signed_at, client_address, user_agent,"
                + " document_sha256 FROM app.contract_signature WHERE contract_id = :contractId"
                + " AND document_sha256 = :sha256 ORDER BY signed_at, id")
        .param("contractId", contractId)
        .param("sha256", documentSha256)
        .query(
            (rs, n) ->
                new SignatureEvidence(
                    SignerRole.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  private static Contract contract(ResultSet rs, int row) throws SQLException {
    return new Contract(
        rs.getLong("id"),
        rs.getLong("partner_id"),
        rs.getLong("process_instance_key"),
        nullableLong(rs, "renewal_of"),
        rs.getString("template_id"),
        rs.getBoolean("countersignature_required"),
        rs.getInt("term_months"),
        rs.getString("language"),
        ContractStatus.valueOf(rs.getString("status")),
        nullableLong(rs, "current_document_id"),
        rs.getString("current_document_sha256"),
        nullableLong(rs, "sealed_document_id"),
        date(rs, "effective_on"),
        date(rs, "ends_on"),
        rs.getString("decline_reason"),
        rs.getString("change_request"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  /** What the process knows when it first prepares a contract. */
  record NewContract(
      long partnerId,
      long processInstanceKey,
      Long renewalOf,
      String templateId,
      boolean countersignatureRequired,
      int termMonths,
      String language,
      LocalDate effectiveOn) {}
}
