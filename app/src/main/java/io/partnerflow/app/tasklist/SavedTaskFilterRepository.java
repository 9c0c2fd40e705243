package io.partnerflow.app.tasklist;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The saved task list filters, always read and written for one user. */
@Repository
class SavedTaskFilterRepository {

  private final JdbcClient jdbc;

  SavedTaskFilterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<SavedTaskFilter> of(long userId) {
    return jdbc.sql(
            "SELECT id, name, query FROM app.task_saved_filter WHERE user_id = :user ORDER BY name")
        .param("user", userId)
        .query(
            (rs, row) ->
                new SavedTaskFilter(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
        .list();
  }

  int countOf(long userId) {
    return jdbc.sql("SELECT count(*) FROM app.task_saved_filter WHERE user_id = :user")
        .param("user", userId)
        .query(Integer.class)
        .single();
  }

  /** Saves under the name, replacing the user's filter of that name. */
  void save(long userId, String name, String query, Instant now) {
    jdbc.sql(
            "INSERT INTO app.task_saved_filter (user_id, name, query, created_at)"
                + " VALUES (:user, :name, :query, :now)"
                + " ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query")
        .param("user", userId)
        .param("name", name)
        .param("query", query)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Deletes the user's own filter; another user's id deletes nothing. */
  boolean delete(long userId, long id) {
    return jdbc.sql("DELETE FROM app.task_saved_filter WHERE id = :id AND user_id = :user")
            .param("id", id)
            .param("user", userId)
            .update()
        == 1;
  }
}
