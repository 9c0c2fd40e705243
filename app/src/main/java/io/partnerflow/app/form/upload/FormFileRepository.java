package io.partnerflow.app.form.upload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files uploaded in task forms, in {@code app.form_file}; the bytes only when asked for. */
@Repository
class FormFileRepository {

  private static final String COLUMNS =
      "id, process_instance_key, task_key, file_name, content_type, size, uploaded_by,"
          + " uploaded_at";

  private final JdbcClient jdbc;

  FormFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredFormFile file, byte[] content) {
    jdbc.sql(
            "INSERT INTO app.form_file (id, process_instance_key, task_key, file_name,"
                + " content_type, size, content, uploaded_by, uploaded_at) VALUES (:id,"
                + " :instance, :task, :name, :type, :size, :content, :by, :at)")
        .param("id", file.id())
        .param("instance", file.processInstanceKey())
        .param("task", file.taskKey())
        .param("name", file.fileName())
        .param("type", file.contentType())
        .param("size", file.size())
        .param("content", content)
        .param("by", file.uploadedBy())
        .param("at", Timestamp.from(file.uploadedAt()))
        .update();
  }

  Optional<StoredFormFile> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.form_file WHERE id = :id")
        .param("id", id)
        .query(FormFileRepository::row)
        .optional();
  }

  byte[] content(UUID id) {
    return jdbc.sql("SELECT content FROM app.form_file WHERE id = :id")
        .param("id", id)
        .query(byte[].class)
        .single();
  }

  private static StoredFormFile row(ResultSet rs, int rowNum) throws SQLException {
    return new StoredFormFile(
        rs.getObject("id", UUID.class),
        rs.getLong("process_instance_key"),
        rs.getLong("task_key"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant());
  }
}
