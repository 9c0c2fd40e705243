package io.partnerflow.app.enablement.learning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attempts at quizzes in {@code app.quiz_attempt}. */
@Repository
class QuizAttemptRepository {

  private static final String COLUMNS =
      "id, quiz_id, user_id, enrolment_id, question_ids, started_at, submitted_at, score_percent,"
          + " passed, answers::text AS answers";

  private final JdbcClient jdbc;

  QuizAttemptRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises starts of one person: two pages starting at once must not both pass the attempt
   * count.
   */
  void lockPerson(long userId) {
    jdbc.sql("SELECT id FROM app.app_user WHERE id = :user FOR UPDATE")
        .param("user", userId)
        .query(Long.class)
        .optional();
  }

  long insert(long quizId, long userId, Long enrolmentId, List<Long> questionIds, Instant now) {
    return jdbc.sql(
            "INSERT INTO app.quiz_attempt (quiz_id, user_id, enrolment_id, question_ids,"
                + " started_at) VALUES (:quiz, :user, :enrolment, :questions, :now) RETURNING id")
        .param("quiz", quizId)
        .param("user", userId)
        .param("enrolment", enrolmentId)
        .param("questions", questionIds.toArray(Long[]::new))
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Optional<StoredAttempt> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.quiz_attempt WHERE id = :id")
        .param("id", id)
        .query(QuizAttemptRepository::attempt)
        .optional();
  }

  Optional<StoredAttempt> lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.quiz_attempt WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(QuizAttemptRepository::attempt)
        .optional();
  }

  /**
   * The person's attempts at the quiz and at the quizzes it replaced (an exam edited in the
   * catalogue is a new quiz continuing the old one), oldest first.
   */
  List<StoredAttempt> findByPerson(long userId, long quizId) {
    return jdbc.sql(
            "WITH RECURSIVE chain (id, previous_quiz_id) AS (SELECT id, previous_quiz_id FROM"
                + " app.quiz WHERE id = :quiz UNION SELECT q.id, q.previous_quiz_id FROM app.quiz"
                + " q JOIN chain c ON q.id = c.previous_quiz_id) SELECT "
                + COLUMNS
                + " FROM app.quiz_attempt WHERE user_id = :user AND quiz_id IN (SELECT id FROM"
                + " chain) ORDER BY id")
        .param("user", userId)
        .param("quiz", quizId)
        .query(QuizAttemptRepository::attempt)
        .list();
  }

  /**
   * Records the grade once: only an unsubmitted attempt of this person is updated.
   *
   * @return whether it was (false: submitted before, or not theirs)
   */
  boolean recordGrade(
      long id, long userId, Instant now, int scorePercent, boolean passed, String answersJson) {
    return jdbc.sql(
                "UPDATE app.quiz_attempt SET submitted_at = :now, score_percent = :score,"
                    + " passed = :passed, answers = CAST(:answers AS jsonb)"
                    + " WHERE id = :id AND user_id = :user AND submitted_at IS NULL")
            .param("id", id)
            .param("user", userId)
            .param("now", Timestamp.from(now))
            .param("score", scorePercent)
            .param("passed", passed)
            .param("answers", answersJson)
            .update()
        == 1;
  }

  private static StoredAttempt attempt(ResultSet rs, int row) throws SQLException {
    Array questions = rs.getArray("question_ids");
    List<Long> ids = Arrays.stream((Long[]) questions.getArray()).toList();
    long enrolment = rs.getLong("enrolment_id");
    Long enrolmentId = rs.wasNull() ? null : enrolment;
    int score = rs.getInt("score_percent");
    Integer scorePercent = rs.wasNull() ? null : score;
    boolean pass = rs.getBoolean("passed");
    Boolean passed = rs.wasNull() ? null : pass;
    return new StoredAttempt(
        rs.getLong("id"),
        rs.getLong("quiz_id"),
        rs.getLong("user_id"),
        enrolmentId,
        ids,
        EnrolmentRepository.instant(rs.getTimestamp("started_at")),
        EnrolmentRepository.instant(rs.getTimestamp("submitted_at")),
        scorePercent,
        passed,
        rs.getString("answers"));
  }
}
