package io.partnerflow.app.qbr;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actions agreed in reviews ({@code app.review_action}). */
@Repository
class ReviewActionRepository {

  private static final String COLUMNS =
      "id, review_id, description, owner_side, owner_username, due_date, done_at";

  private final JdbcClient jdbc;

  ReviewActionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long reviewId, NewAction action) {
    return jdbc.sql(
            "INSERT INTO app.review_action (review_id, description, owner_side, owner_username,"
                + " due_date) VALUES (:review, :description, :side, :owner, :due) RETURNING id")
        .param("review", reviewId)
        .param("description", action.description())
        .param("side", action.side().name())
        .param("owner", action.ownerUsername())
        .param("due", action.dueDate())
        .query(Long.class)
        .single();
  }

  boolean done(long id, Instant now) {
    return jdbc.sql(
                "UPDATE app.review_action SET done_at = :now WHERE id = :id AND done_at IS NULL")
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .update()
        == 1;
  }

  Optional<ReviewAction> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.review_action WHERE id = :id")
        .param("id", id)
        .query(ReviewActionRepository::action)
        .optional();
  }

  List<ReviewAction> ofReview(long reviewId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM app.review_action WHERE review_id = :review ORDER BY id")
        .param("review", reviewId)
        .query(ReviewActionRepository::action)
        .list();
  }

  private static ReviewAction action(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp done = rs.getTimestamp("done_at");
    return new ReviewAction(
        rs.getLong("id"),
        rs.getLong("review_id"),
        rs.getString("description"),
        ActionOwner.valueOf(rs.getString("owner_side")),
        rs.getString("owner_username"),
        rs.getObject("due_date", java.time.LocalDate.class),
        done == null ? null : done.toInstant());
  }
}
