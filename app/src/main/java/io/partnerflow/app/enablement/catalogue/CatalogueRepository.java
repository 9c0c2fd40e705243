package io.partnerflow.app.enablement.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses, quizzes and certifications in schema {@code app}. */
@Repository
class CatalogueRepository {

  private static final String VERSION_COLUMNS =
      "v.id, v.course_id, c.code, v.version, v.status, v.title_en, v.title_zh, v.summary_en,"
          + " v.summary_zh, v.estimated_minutes, v.quiz_id";
  private static final String VERSION_FROM =
      " FROM app.course_version v JOIN app.course c ON c.id = v.course_id";
  private static final String CERTIFICATION_COLUMNS =
      "id, code, name_en, name_zh, summary_en, summary_zh, validity_months, exam_quiz_id";

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- courses -------------------------------------------------------------------------------

  Optional<CourseVersion> courseVersion(long id) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + VERSION_FROM + " WHERE v.id = :id")
        .param("id", id)
        .query(CatalogueRepository::courseVersion)
        .optional();
  }

  Optional<CourseVersion> lockCourseVersion(long id) {
    return jdbc.sql(
            "SELECT " + VERSION_COLUMNS + VERSION_FROM + " WHERE v.id = :id FOR UPDATE OF v")
        .param("id", id)
        .query(CatalogueRepository::courseVersion)
        .optional();
  }

  Optional<CourseVersion> versionWithStatus(String code, CourseStatus status) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + VERSION_FROM
                + " WHERE c.code = :code AND v.status = :status ORDER BY v.version DESC LIMIT 1")
        .param("code", code)
        .param("status", status.name())
        .query(CatalogueRepository::courseVersion)
        .optional();
  }

  /** The newest version of every course (draft if one exists), by code. */
  List<CourseVersion> latestVersions() {
    return jdbc.sql(
            "SELECT DISTINCT ON (c.code) "
                + VERSION_COLUMNS
                + VERSION_FROM
                + " ORDER BY c.code, v.version DESC")
        .query(CatalogueRepository::courseVersion)
        .list();
  }

  List<CourseVersion> versionsOf(String code) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + VERSION_FROM
                + " WHERE c.code = :code ORDER BY v.version DESC")
        .param("code", code)
        .query(CatalogueRepository::courseVersion)
        .list();
  }

  Optional<Long> courseId(String code) {
    return jdbc.sql("SELECT id FROM app.course WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .optional();
  }

  /** Locks the course row: one editor at a time opens or publishes its versions. */
  Optional<Long> lockCourse(String code) {
    return jdbc.sql("SELECT id FROM app.course WHERE code = :code FOR UPDATE")
        .param("code", code)
        .query(Long.class)
        .optional();
  }

  long insertCourse(String code, Instant at) {
    return jdbc.sql("INSERT INTO app.course (code, created_at) VALUES (:code, :at) RETURNING id")
        .param("code", code)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  int maxVersion(long courseId) {
    return jdbc.sql(
            "SELECT coalesce(max(version), 0) FROM app.course_version WHERE course_id = :id")
        .param("id", courseId)
        .query(Integer.class)
        .single();
  }

  long insertVersion(
      long courseId, int version, CourseDraft draft, Long quizId, Instant at, String by) {
    return jdbc.sql(
            "INSERT INTO app.course_version (course_id, version, status, title_en, title_zh,"
                + " summary_en, summary_zh, estimated_minutes, quiz_id, created_at, created_by)"
                + " VALUES (:courseId, :version, 'DRAFT', :titleEn, :titleZh, :summaryEn,"
                + " :summaryZh, :minutes, :quizId, :at, :by) RETURNING id")
        .param("courseId", courseId)
        .param("version", version)
        .param("titleEn", draft.titleEn())
        .param("titleZh", draft.titleZh())
        .param("summaryEn", nullToEmpty(draft.summaryEn()))
        .param("summaryZh", nullToEmpty(draft.summaryZh()))
        .param("minutes", draft.estimatedMinutes())
        .param("quizId", quizId)
        .param("at", Timestamp.from(at))
        .param("by", by)
        .query(Long.class)
        .single();
  }

  void updateVersion(long versionId, CourseDraft draft, Long quizId) {
    jdbc.sql(
            "UPDATE app.course_version SET title_en = :titleEn, title_zh = :titleZh, summary_en ="
                + " :summaryEn, summary_zh = :summaryZh, estimated_minutes = :minutes, quiz_id ="
                + " :quizId WHERE id = :id AND status = 'DRAFT'")
        .param("id", versionId)
        .param("titleEn", draft.titleEn())
        .param("titleZh", draft.titleZh())
        .param("summaryEn", nullToEmpty(draft.summaryEn()))
        .param("summaryZh", nullToEmpty(draft.summaryZh()))
        .param("minutes", draft.estimatedMinutes())
        .param("quizId", quizId)
        .update();
  }

  /** The course's published version retires; the draft becomes the published one. */
  void publish(long courseId, long draftId, Instant at) {
    jdbc.sql(
            "UPDATE app.course_version SET status = 'RETIRED' WHERE course_id = :courseId AND"
                + " status = 'PUBLISHED'")
        .param("courseId", courseId)
        .update();
    jdbc.sql(
            "UPDATE app.course_version SET status = 'PUBLISHED', published_at = :at WHERE id = :id"
                + " AND status = 'DRAFT'")
        .param("id", draftId)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** The seed file content a version came from; empty when made in the browser. */
  Optional<String> versionSource(long versionId) {
    return jdbc.sql("SELECT source_sha256 FROM app.course_version WHERE id = :id")
        .param("id", versionId)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(source -> source);
  }

  void setVersionSource(long versionId, String sha256) {
    jdbc.sql("UPDATE app.course_version SET source_sha256 = :sha WHERE id = :id")
        .param("id", versionId)
        .param("sha", sha256)
        .update();
  }

  /** The seed file content a certification came from; empty when edited in the browser. */
  Optional<String> certificationSource(String code) {
    return jdbc.sql("SELECT source_sha256 FROM app.certification WHERE code = :code")
        .param("code", code)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(source -> source);
  }

  void setCertificationSource(String code, String sha256) {
    jdbc.sql("UPDATE app.certification SET source_sha256 = :sha WHERE code = :code")
        .param("code", code)
        .param("sha", sha256)
        .update();
  }

  // ---- modules and files ---------------------------------------------------------------------

  List<CourseModule> modules(long versionId) {
    return jdbc.sql(
            "SELECT id, position, title_en, title_zh, body_en, body_zh FROM app.course_module"
                + " WHERE course_version_id = :id ORDER BY position")
        .param("id", versionId)
        .query(
            (rs, row) ->
                new CourseModule(
                    rs.getLong("id"),
                    rs.getInt("position"),
                    rs.getString("title_en"),
                    rs.getString("title_zh"),
                    rs.getString("body_en"),
                    rs.getString("body_zh")))
        .list();
  }

  long insertModule(long versionId, int position, CourseDraft.Module module) {
    return jdbc.sql(
            "INSERT INTO app.course_module (course_version_id, position, title_en, title_zh,"
                + " body_en, body_zh) VALUES (:versionId, :position, :titleEn, :titleZh, :bodyEn,"
                + " :bodyZh) RETURNING id")
        .param("versionId", versionId)
        .param("position", position)
        .param("titleEn", module.titleEn())
        .param("titleZh", module.titleZh())
        .param("bodyEn", nullToEmpty(module.bodyEn()))
        .param("bodyZh", nullToEmpty(module.bodyZh()))
        .query(Long.class)
        .single();
  }

  void updateModule(long moduleId, int position, CourseDraft.Module module) {
    jdbc.sql(
            "UPDATE app.course_module SET position = :position, title_en = :titleEn, title_zh ="
                + " :titleZh, body_en = :bodyEn, body_zh = :bodyZh WHERE id = :id")
        .param("id", moduleId)
        .param("position", position)
        .param("titleEn", module.titleEn())
        .param("titleZh", module.titleZh())
        .param("bodyEn", nullToEmpty(module.bodyEn()))
        .param("bodyZh", nullToEmpty(module.bodyZh()))
        .update();
  }

  /** Moves the version's modules out of the way of the unique positions before a reorder. */
  void parkModulePositions(long versionId) {
    jdbc.sql(
            "UPDATE app.course_module SET position = -position - 1 WHERE course_version_id ="
                + " :id")
        .param("id", versionId)
        .update();
  }

  void deleteModulesExcept(long versionId, List<Long> keep) {
    jdbc.sql(
            "DELETE FROM app.course_module WHERE course_version_id = :id AND NOT (id = ANY(:keep))")
        .param("id", versionId)
        .param("keep", keep.toArray(Long[]::new))
        .update();
  }

  List<CourseFile> files(long moduleId) {
    return jdbc.sql(
            "SELECT id, module_id, file_name, content_type, size_bytes FROM app.course_file WHERE"
                + " module_id = :id ORDER BY id")
        .param("id", moduleId)
        .query(
            (rs, row) ->
                new CourseFile(
                    rs.getLong("id"),
                    rs.getLong("module_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .list();
  }

  Optional<CourseFile> file(long fileId) {
    return jdbc.sql(
            "SELECT id, module_id, file_name, content_type, size_bytes FROM app.course_file WHERE"
                + " id = :id")
        .param("id", fileId)
        .query(
            (rs, row) ->
                new CourseFile(
                    rs.getLong("id"),
                    rs.getLong("module_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes")))
        .optional();
  }

  Optional<byte[]> fileContent(long fileId) {
    return jdbc.sql("SELECT content FROM app.course_file WHERE id = :id")
        .param("id", fileId)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  long insertFile(
      long moduleId, String name, String contentType, byte[] content, Instant at, String by) {
    return jdbc.sql(
            "INSERT INTO app.course_file (module_id, file_name, content_type, size_bytes, content,"
                + " uploaded_at, uploaded_by) VALUES (:moduleId, :name, :type, :size, :content,"
                + " :at, :by) RETURNING id")
        .param("moduleId", moduleId)
        .param("name", name)
        .param("type", contentType)
        .param("size", (long) content.length)
        .param("content", content)
        .param("at", Timestamp.from(at))
        .param("by", by)
        .query(Long.class)
        .single();
  }

  /** Copies a module's files onto another module (a new draft keeps the published files). */
  void copyFiles(long fromModuleId, long toModuleId) {
    jdbc.sql(
            "INSERT INTO app.course_file (module_id, file_name, content_type, size_bytes, content,"
                + " uploaded_at, uploaded_by) SELECT :to, file_name, content_type, size_bytes,"
                + " content, uploaded_at, uploaded_by FROM app.course_file WHERE module_id = :from"
                + " ORDER BY id")
        .param("from", fromModuleId)
        .param("to", toModuleId)
        .update();
  }

  void deleteFile(long fileId) {
    jdbc.sql("DELETE FROM app.course_file WHERE id = :id").param("id", fileId).update();
  }

  /** The version a module belongs to. */
  Optional<Long> versionOfModule(long moduleId) {
    return jdbc.sql("SELECT course_version_id FROM app.course_module WHERE id = :id")
        .param("id", moduleId)
        .query(Long.class)
        .optional();
  }

  // ---- quizzes -------------------------------------------------------------------------------

  Optional<Quiz> quiz(long quizId) {
    Optional<Quiz> header =
        jdbc.sql(
                "SELECT id, kind, pass_mark_percent, max_attempts, attempt_wait_minutes,"
                    + " questions_per_attempt, show_answers FROM app.quiz WHERE id = :id")
            .param("id", quizId)
            .query(
                (rs, row) ->
                    new Quiz(
                        rs.getLong("id"),
                        QuizKind.valueOf(rs.getString("kind")),
                        rs.getInt("pass_mark_percent"),
                        rs.getInt("max_attempts"),
                        rs.getInt("attempt_wait_minutes"),
                        (Integer) rs.getObject("questions_per_attempt"),
                        rs.getBoolean("show_answers"),
                        List.of()))
            .optional();
    return header.map(quiz -> withQuestions(quiz, questions(quizId)));
  }

  private List<QuizQuestion> questions(long quizId) {
    Map<Long, List<QuizOption>> options = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT o.id, o.question_id, o.position, o.text_en, o.text_zh, o.correct FROM"
                + " app.quiz_option o JOIN app.quiz_question q ON q.id = o.question_id WHERE"
                + " q.quiz_id = :id ORDER BY o.question_id, o.position")
        .param("id", quizId)
        .query(
            rs -> {
              options
                  .computeIfAbsent(rs.getLong("question_id"), key -> new ArrayList<>())
                  .add(
                      new QuizOption(
                          rs.getLong("id"),
                          rs.getInt("position"),
                          rs.getString("text_en"),
                          rs.getString("text_zh"),
                          rs.getBoolean("correct")));
            });
    return jdbc.sql(
            "SELECT id, position, kind, text_en, text_zh FROM app.quiz_question WHERE quiz_id ="
                + " :id ORDER BY position")
        .param("id", quizId)
        .query(
            (rs, row) ->
                new QuizQuestion(
                    rs.getLong("id"),
                    rs.getInt("position"),
                    QuestionKind.valueOf(rs.getString("kind")),
                    rs.getString("text_en"),
                    rs.getString("text_zh"),
                    options.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  private static Quiz withQuestions(Quiz quiz, List<QuizQuestion> questions) {
    return new Quiz(
        quiz.id(),
        quiz.kind(),
        quiz.passMarkPercent(),
        quiz.maxAttempts(),
        quiz.attemptWaitMinutes(),
        quiz.questionsPerAttempt(),
        quiz.showAnswers(),
        questions);
  }

  long insertQuiz(QuizKind kind, QuizDraft draft) {
    long quizId =
        jdbc.sql(
                "INSERT INTO app.quiz (kind, pass_mark_percent, max_attempts,"
                    + " attempt_wait_minutes, questions_per_attempt, show_answers) VALUES (:kind,"
                    + " :passMark, :maxAttempts, :wait, :draw, :showAnswers) RETURNING id")
            .param("kind", kind.name())
            .param("passMark", draft.passMarkPercent())
            .param("maxAttempts", draft.maxAttempts())
            .param("wait", draft.attemptWaitMinutes())
            .param("draw", draft.questionsPerAttempt())
            .param("showAnswers", draft.showAnswers())
            .query(Long.class)
            .single();
    insertQuestions(quizId, draft);
    return quizId;
  }

  /** Rewrites a draft course's quiz in place (no attempts exist on a draft). */
  void replaceQuiz(long quizId, QuizDraft draft) {
    jdbc.sql(
            "UPDATE app.quiz SET pass_mark_percent = :passMark, max_attempts = :maxAttempts,"
                + " attempt_wait_minutes = :wait, questions_per_attempt = :draw, show_answers ="
                + " :showAnswers WHERE id = :id")
        .param("id", quizId)
        .param("passMark", draft.passMarkPercent())
        .param("maxAttempts", draft.maxAttempts())
        .param("wait", draft.attemptWaitMinutes())
        .param("draw", draft.questionsPerAttempt())
        .param("showAnswers", draft.showAnswers())
        .update();
    jdbc.sql("DELETE FROM app.quiz_question WHERE quiz_id = :id").param("id", quizId).update();
    insertQuestions(quizId, draft);
  }

  private void insertQuestions(long quizId, QuizDraft draft) {
    int position = 1;
    for (QuizDraft.Question question : draft.questions()) {
      long questionId =
          jdbc.sql(
                  "INSERT INTO app.quiz_question (quiz_id, position, kind, text_en, text_zh)"
                      + " VALUES (:quizId, :position, :kind, :textEn, :textZh) RETURNING id")
              .param("quizId", quizId)
              .param("position", position++)
              .param("kind", question.kind().name())
              .param("textEn", question.textEn())
              .param("textZh", question.textZh())
              .query(Long.class)
              .single();
      int optionPosition = 1;
      for (QuizDraft.Option option : question.options()) {
        jdbc.sql(
                "INSERT INTO app.quiz_option (question_id, position, text_en, text_zh, correct)"
                    + " VALUES (:questionId, :position, :textEn, :textZh, :correct)")
            .param("questionId", questionId)
            .param("position", optionPosition++)
            .param("textEn", option.textEn())
            .param("textZh", option.textZh())
            .param("correct", option.correct())
            .update();
      }
    }
  }

  /** Whether a partner may see the quiz: it closes a released course version or an exam. */
  boolean quizIsReleased(long quizId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM app.course_version WHERE quiz_id = :id AND status <>"
                + " 'DRAFT') OR EXISTS (SELECT 1 FROM app.certification WHERE exam_quiz_id = :id)")
        .param("id", quizId)
        .query(Boolean.class)
        .single();
  }

  // ---- certifications ------------------------------------------------------------------------

  Optional<Certification> certification(String code) {
    return jdbc.sql(
            "SELECT " + CERTIFICATION_COLUMNS + " FROM app.certification WHERE code = :code")
        .param("code", code)
        .query((rs, row) -> certification(rs, courseCodes(rs.getLong("id"))))
        .optional();
  }

  Optional<Boolean> certificationActive(String code) {
    return jdbc.sql("SELECT active FROM app.certification WHERE code = :code")
        .param("code", code)
        .query(Boolean.class)
        .optional();
  }

  List<Certification> certifications(boolean activeOnly) {
    return jdbc.sql(
            "SELECT "
                + CERTIFICATION_COLUMNS
                + " FROM app.certification"
                + (activeOnly ? " WHERE active" : "")
                + " ORDER BY code")
        .query((rs, row) -> certification(rs, courseCodes(rs.getLong("id"))))
        .list();
  }

  Optional<Long> lockCertification(String code) {
    return jdbc.sql("SELECT id FROM app.certification WHERE code = :code FOR UPDATE")
        .param("code", code)
        .query(Long.class)
        .optional();
  }

  long insertCertification(CertificationDraft draft, long examQuizId) {
    long id =
        jdbc.sql(
                "INSERT INTO app.certification (code, name_en, name_zh, summary_en, summary_zh,"
                    + " validity_months, exam_quiz_id, active) VALUES (:code, :nameEn, :nameZh,"
                    + " :summaryEn, :summaryZh, :validity, :quizId, :active) RETURNING id")
            .param("code", draft.code())
            .param("nameEn", draft.nameEn())
            .param("nameZh", draft.nameZh())
            .param("summaryEn", nullToEmpty(draft.summaryEn()))
            .param("summaryZh", nullToEmpty(draft.summaryZh()))
            .param("validity", draft.validityMonths())
            .param("quizId", examQuizId)
            .param("active", draft.active())
            .query(Long.class)
            .single();
    insertCourseCodes(id, draft.courseCodes());
    return id;
  }

  void updateCertification(long id, CertificationDraft draft, long examQuizId) {
    // the new exam continues the old one: attempts are counted over the chain (QuizAttempts)
    jdbc.sql(
            "UPDATE app.quiz SET previous_quiz_id = (SELECT exam_quiz_id FROM app.certification"
                + " WHERE id = :id) WHERE id = :quizId AND previous_quiz_id IS NULL"
                + " AND id <> (SELECT coalesce(exam_quiz_id, -1) FROM app.certification"
                + " WHERE id = :id)")
        .param("id", id)
        .param("quizId", examQuizId)
        .update();
    jdbc.sql(
            "UPDATE app.certification SET name_en = :nameEn, name_zh = :nameZh, summary_en ="
                + " :summaryEn, summary_zh = :summaryZh, validity_months = :validity,"
                + " exam_quiz_id = :quizId, active = :active, source_sha256 = NULL WHERE id = :id")
        .param("id", id)
        .param("nameEn", draft.nameEn())
        .param("nameZh", draft.nameZh())
        .param("summaryEn", nullToEmpty(draft.summaryEn()))
        .param("summaryZh", nullToEmpty(draft.summaryZh()))
        .param("validity", draft.validityMonths())
        .param("quizId", examQuizId)
        .param("active", draft.active())
        .update();
    jdbc.sql("DELETE FROM app.certification_course WHERE certification_id = :id")
        .param("id", id)
        .update();
    insertCourseCodes(id, draft.courseCodes());
  }

  private void insertCourseCodes(long certificationId, List<String> codes) {
    for (String code : codes) {
      jdbc.sql(
              "INSERT INTO app.certification_course (certification_id, course_code) VALUES (:id,"
                  + " :code) ON CONFLICT DO NOTHING")
          .param("id", certificationId)
          .param("code", code)
          .update();
    }
  }

  private List<String> courseCodes(long certificationId) {
    return jdbc.sql(
            "SELECT course_code FROM app.certification_course WHERE certification_id = :id ORDER"
                + " BY course_code")
        .param("id", certificationId)
        .query(String.class)
        .list();
  }

  private static Certification certification(ResultSet rs, List<String> courseCodes)
      throws SQLException {
    return new Certification(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name_en"),
        rs.getString("name_zh"),
        rs.getString("summary_en"),
        rs.getString("summary_zh"),
        rs.getInt("validity_months"),
        (Long) rs.getObject("exam_quiz_id"),
        courseCodes);
  }

  private static CourseVersion courseVersion(ResultSet rs, int row) throws SQLException {
    return new CourseVersion(
        rs.getLong("id"),
        rs.getLong("course_id"),
        rs.getString("code"),
        rs.getInt("version"),
        CourseStatus.valueOf(rs.getString("status")),
        rs.getString("title_en"),
        rs.getString("title_zh"),
        rs.getString("summary_en"),
        rs.getString("summary_zh"),
        (Integer) rs.getObject("estimated_minutes"),
        (Long) rs.getObject("quiz_id"));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
