package io.partnerflow.app.modeling;

import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.ModelVersion.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The app's deployments of models in {@code app.model_deployment}, newest last. */
@Repository
class ModelVersionRepository {

  private final JdbcClient jdbc;

  ModelVersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      ModelRef ref,
      DeployedModel deployed,
      String content,
      String hash,
      Source source,
      String author,
      Instant at,
      String comment) {
    return jdbc.sql(
            "INSERT INTO app.model_deployment (kind, model_id, resource_name, engine_version,"
                + " engine_key, content, content_hash, source, author, deployed_at, comment)"
                + " VALUES (:kind, :id, :resource, :version, :key, :content, :hash, :source,"
                + " :author, :at, :comment) RETURNING id")
        .param("kind", ref.kind().name())
        .param("id", ref.id())
        .param("resource", ref.resourceName())
        .param("version", deployed.version())
        .param("key", deployed.key())
        .param("content", content)
        .param("hash", hash)
        .param("source", source.name())
        .param("author", author)
        .param("at", Timestamp.from(at))
        .param("comment", comment)
        .query(Long.class)
        .single();
  }

  /** Newest first. */
  List<ModelVersion> history(ModelRef ref) {
    return jdbc.sql(
            "SELECT * FROM app.model_deployment WHERE kind = :kind AND model_id = :id"
                + " ORDER BY id DESC")
        .param("kind", ref.kind().name())
        .param("id", ref.id())
        .query(ModelVersionRepository::map)
        .list();
  }

  Optional<ModelVersion> latest(ModelRef ref) {
    return history(ref).stream().findFirst();
  }

  Optional<ModelVersion> find(long id) {
    return jdbc.sql("SELECT * FROM app.model_deployment WHERE id = :id")
        .param("id", id)
        .query(ModelVersionRepository::map)
        .optional();
  }

  /** The latest record of every model. */
  List<ModelVersion> latestOfEach() {
    return jdbc.sql(
            "SELECT DISTINCT ON (kind, model_id) * FROM app.model_deployment"
                + " ORDER BY kind, model_id, id DESC")
        .query(ModelVersionRepository::map)
        .list();
  }

  private static ModelVersion map(ResultSet rs, int row) throws SQLException {
    return new ModelVersion(
        rs.getLong("id"),
        new ModelRef(Kind.valueOf(rs.getString("kind")), rs.getString("model_id")),
        rs.getInt("engine_version"),
        rs.getLong("engine_key"),
        rs.getString("content"),
        rs.getString("content_hash"),
        Source.valueOf(rs.getString("source")),
        rs.getString("author"),
        rs.getTimestamp("deployed_at").toInstant(),
        rs.getString("comment"));
  }
}
