package io.partnerflow.app.modeling;

import io.partnerflow.app.modeling.DeployedModel.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts in {@code app.model_draft}; every write checks the version it is based on. */
@Repository
class ModelDraftRepository {

  private final JdbcClient jdbc;

  ModelDraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ModelDraft> find(ModelRef ref) {
    return jdbc.sql("SELECT * FROM app.model_draft WHERE kind = :kind AND model_id = :id")
        .param("kind", ref.kind().name())
        .param("id", ref.id())
        .query(ModelDraftRepository::map)
        .optional();
  }

  List<ModelDraft> all() {
    return jdbc.sql("SELECT * FROM app.model_draft").query(ModelDraftRepository::map).list();
  }

  /** Creates the first draft; false when one exists already. */
  boolean insert(ModelRef ref, String content, String author, Instant at, String comment) {
    return jdbc.sql(
                "INSERT INTO app.model_draft (kind, model_id, content, author, updated_at,"
                    + " comment, version) VALUES (:kind, :id, :content, :author, :at, :comment, 1)"
                    + " ON CONFLICT DO NOTHING")
            .param("kind", ref.kind().name())
            .param("id", ref.id())
            .param("content", content)
            .param("author", author)
            .param("at", Timestamp.from(at))
            .param("comment", comment)
            .update()
        == 1;
  }

  /** Replaces the draft of the given version; false when it is at another version or gone. */
  boolean update(
      ModelRef ref,
      int expectedVersion,
      String content,
      String author,
      Instant at,
      String comment) {
    return jdbc.sql(
                "UPDATE app.model_draft SET content = :content, author = :author, updated_at ="
                    + " :at, comment = :comment, version = version + 1 WHERE kind = :kind AND"
                    + " model_id = :id AND version = :version")
            .param("kind", ref.kind().name())
            .param("id", ref.id())
            .param("version", expectedVersion)
            .param("content", content)
            .param("author", author)
            .param("at", Timestamp.from(at))
            .param("comment", comment)
            .update()
        == 1;
  }

  void delete(ModelRef ref) {
    jdbc.sql("DELETE FROM app.model_draft WHERE kind = :kind AND model_id = :id")
        .param("kind", ref.kind().name())
        .param("id", ref.id())
        .update();
  }

  private static ModelDraft map(ResultSet rs, int row) throws SQLException {
    return new ModelDraft(
        new ModelRef(Kind.valueOf(rs.getString("kind")), rs.getString("model_id")),
        rs.getString("content"),
        rs.getString("author"),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("comment"),
        rs.getInt("version"));
  }
}
