package io.partnerflow.app.enablement.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for progress lists: enrolments joined with the catalogue's course versions (one query per
 * list instead of one per course), accounts, partners' owners and module files.
 */
@Repository
class LearningReadRepository {

  private static final String PROGRESS =
      "SELECT e.id, e.user_id, c.code, v.version, v.title_en, v.title_zh, v.estimated_minutes,"
          + " e.status, e.modules_done,"
          + " (SELECT count(*) FROM app.course_module m WHERE m.course_version_id = v.id) AS modules"
          + " FROM app.enrolment e JOIN app.course_version v ON v.id = e.course_version_id"
          + " JOIN app.course c ON c.id = v.course_id";

  private final JdbcClient jdbc;

  LearningReadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Account(long id, Long partnerId, String displayName) {}

  Optional<Account> account(String username) {
    return jdbc.sql("SELECT id, partner_id, display_name FROM app.app_user WHERE username = :u")
        .param("u", username)
        .query(
            (rs, row) -> {
              long partner = rs.getLong("partner_id");
              return new Account(
                  rs.getLong("id"), rs.wasNull() ? null : partner, rs.getString("display_name"));
            })
        .optional();
  }

  /**
   * Whether someone else of the person's organisation is enrolled (its learning plan was assigned)
   * while the person is enrolled on nothing.
   */
  boolean joinedAfterThePlan(long userId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM app.enrolment e JOIN app.app_user u ON u.partner_id ="
                + " e.partner_id WHERE u.id = :id AND e.user_id <> :id) AND NOT EXISTS (SELECT 1"
                + " FROM app.enrolment WHERE user_id = :id)")
        .param("id", userId)
        .query(Boolean.class)
        .single();
  }

  Optional<String> partnerOwner(long partnerId) {
    return jdbc.sql("SELECT owner_username FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .optional();
  }

  Optional<String> displayName(long userId) {
    return jdbc.sql("SELECT display_name FROM app.app_user WHERE id = :id")
        .param("id", userId)
        .query(String.class)
        .optional();
  }

  Optional<CourseProgress> progress(long enrolmentId) {
    return jdbc.sql(PROGRESS + " WHERE e.id = :id")
        .param("id", enrolmentId)
        .query(LearningReadRepository::progress)
        .optional();
  }

  List<CourseProgress> progressOfUser(long userId) {
    return jdbc.sql(PROGRESS + " WHERE e.user_id = :user ORDER BY e.assigned_at, e.id")
        .param("user", userId)
        .query(LearningReadRepository::progress)
        .list();
  }

  List<CourseProgress> progressOfPartner(long partnerId) {
    return jdbc.sql(PROGRESS + " WHERE e.partner_id = :partner ORDER BY e.user_id, e.id")
        .param("partner", partnerId)
        .query(LearningReadRepository::progress)
        .list();
  }

  /** The organisation's users (id and name), whether enrolled or not. */
  List<Account> usersOfPartner(long partnerId) {
    return jdbc.sql(
            "SELECT id, partner_id, display_name FROM app.app_user WHERE partner_id = :p"
                + " AND enabled ORDER BY display_name, id")
        .param("p", partnerId)
        .query((rs, row) -> new Account(rs.getLong("id"), partnerId, rs.getString("display_name")))
        .list();
  }

  Set<String> passedCourseCodes(long userId) {
    return new TreeSet<>(
        jdbc.sql(
                "SELECT DISTINCT c.code FROM app.enrolment e"
                    + " JOIN app.course_version v ON v.id = e.course_version_id"
                    + " JOIN app.course c ON c.id = v.course_id"
                    + " WHERE e.user_id = :user AND e.status = 'PASSED'")
            .param("user", userId)
            .query(String.class)
            .list());
  }

  /** The person's enrolment on any version of the course, the newest first. */
  Optional<Long> enrolmentOnCourse(long userId, String courseCode) {
    return jdbc.sql(
            "SELECT e.id FROM app.enrolment e JOIN app.course_version v ON v.id ="
                + " e.course_version_id JOIN app.course c ON c.id = v.course_id"
                + " WHERE e.user_id = :user AND c.code = :code ORDER BY e.id DESC LIMIT 1")
        .param("user", userId)
        .param("code", courseCode)
        .query(Long.class)
        .optional();
  }

  /** The files of the version's modules (no bytes). */
  List<CourseFileRef> filesOfVersion(long courseVersionId) {
    return jdbc.sql(
            "SELECT f.id, f.module_id, f.file_name, f.content_type, f.size_bytes"
                + " FROM app.course_file f JOIN app.course_module m ON m.id = f.module_id"
                + " WHERE m.course_version_id = :v ORDER BY f.module_id, f.file_name, f.id")
        .param("v", courseVersionId)
        .query(
            (rs, row) ->
                new CourseFileRef(
                    rs.getLong("id"),
                    rs.getLong("module_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list();
  }

  /** A file with its bytes and the position of its module, if it belongs to the version. */
  Optional<FileInVersion> file(long fileId, long courseVersionId) {
    return jdbc.sql(
            "SELECT f.file_name, f.content_type, f.content, m.position FROM app.course_file f"
                + " JOIN app.course_module m ON m.id = f.module_id"
                + " WHERE f.id = :f AND m.course_version_id = :v")
        .param("f", fileId)
        .param("v", courseVersionId)
        .query(
            (rs, row) ->
                new FileInVersion(
                    rs.getInt("position"),
                    new CourseFileContent(
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("content"))))
        .optional();
  }

  record FileInVersion(int modulePosition, CourseFileContent content) {}

  private static CourseProgress progress(ResultSet rs, int row) throws SQLException {
    int minutes = rs.getInt("estimated_minutes");
    Integer estimated = rs.wasNull() ? null : minutes;
    return new CourseProgress(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("code"),
        rs.getInt("version"),
        rs.getString("title_en"),
        rs.getString("title_zh"),
        estimated,
        EnrolmentStatus.valueOf(rs.getString("status")),
        rs.getInt("modules_done"),
        rs.getInt("modules"));
  }
}
