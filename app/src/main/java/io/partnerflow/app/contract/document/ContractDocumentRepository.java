package io.partnerflow.app.contract.document;

import io.partnerflow.app.contract.StoredDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contract documents in {@code app.contract_document}; the bytes only when asked for. */
@Repository
class ContractDocumentRepository {

  private static final String COLUMNS =
      "id, partner_id, contract_id, kind, file_name, template_id, template_version, language,"
          + " sha256, size, created_at";

  private final JdbcClient jdbc;

  ContractDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A document to store; {@code sourceDocumentId} is the generated one a sealed one came from. */
  record NewDocument(
      long partnerId,
      long contractId,
      StoredDocument.Kind kind,
      Long sourceDocumentId,
      String contractNumber,
      String fileName,
      String templateId,
      String templateVersion,
      String language,
      String sha256,
      byte[] content,
      java.time.Instant createdAt) {}

  long insert(NewDocument document) {
    return jdbc.sql(
            "INSERT INTO app.contract_document (partner_id, contract_id, kind, source_document_id,"
                + " contract_number, file_name, template_id, template_version, language, sha256,"
                + " size, content, created_at) VALUES (:partnerId, :contractId, :kind, :source,"
                + " :contractNumber, :fileName, :templateId, :templateVersion, :language, :sha256,"
                + " :size, :content, :createdAt) RETURNING id")
        .param("partnerId", document.partnerId())
        .param("contractId", document.contractId())
        .param("kind", document.kind().name())
        .param("source", document.sourceDocumentId())
        .param("contractNumber", document.contractNumber())
        .param("fileName", document.fileName())
        .param("templateId", document.templateId())
        .param("templateVersion", document.templateVersion())
        .param("language", document.language())
        .param("sha256", document.sha256())
        .param("size", document.content().length)
        .param("content", document.content())
        .param("createdAt", Timestamp.from(document.createdAt()))
        .query(Long.class)
        .single();
  }

  Optional<StoredDocument> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.contract_document WHERE id = :id")
        .param("id", id)
        .query(ContractDocumentRepository::map)
        .optional();
  }

  Optional<byte[]> content(long id) {
    return jdbc.sql("SELECT content FROM app.contract_document WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  String contractNumber(long id) {
    return jdbc.sql("SELECT contract_number FROM app.contract_document WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  /** Documents of that kind whose bytes have that SHA-256. */
  List<StoredDocument> findBySha256(String sha256, StoredDocument.Kind kind) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.contract_document WHERE sha256 = :sha256 AND kind = :kind ORDER BY id")
        .param("sha256", sha256)
        .param("kind", kind.name())
        .query(ContractDocumentRepository::map)
        .list();
  }

  /** The sealed document made from that one, if it was sealed already. */
  Optional<StoredDocument> findSealedFrom(long sourceDocumentId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.contract_document WHERE source_document_id = :source AND kind = 'SEALED'"
                + " ORDER BY id LIMIT 1")
        .param("source", sourceDocumentId)
        .query(ContractDocumentRepository::map)
        .optional();
  }

  /** Whether any stored document carries that contract number. */
  boolean contractNumberExists(String contractNumber) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM app.contract_document WHERE contract_number = :number)")
        .param("number", contractNumber)
        .query(Boolean.class)
        .single();
  }

  private static StoredDocument map(ResultSet rs, int row) throws SQLException {
    return new StoredDocument(
        rs.getLong("id"),
        rs.getLong("partner_id"),
        rs.getLong("contract_id"),
        StoredDocument.Kind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        rs.getString("template_id"),
        rs.getString("template_version"),
        rs.getString("language"),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getTimestamp("created_at").toInstant());
  }
}
