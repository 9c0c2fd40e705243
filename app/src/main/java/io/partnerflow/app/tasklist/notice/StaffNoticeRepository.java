package io.partnerflow.app.tasklist.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff members' notice settings and the tasks that came to them, in schema {@code app}. */
@Repository
class StaffNoticeRepository {

  private final JdbcClient jdbc;

  StaffNoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  NoticeMode mode(long userId) {
    return jdbc.sql("select mode from app.staff_notice_setting where user_id = ?")
        .param(userId)
        .query(String.class)
        .optional()
        .map(NoticeMode::valueOf)
        .orElse(NoticeMode.EACH);
  }

  Optional<String> language(long userId) {
    return jdbc.sql("select language from app.staff_notice_setting where user_id = ?")
        .param(userId)
        .query(String.class)
        .optional();
  }

  void saveMode(long userId, NoticeMode mode, String language) {
    jdbc.sql(
            """
            insert into app.staff_notice_setting (user_id, mode, language) values (?, ?, ?)
            on conflict (user_id) do update set mode = excluded.mode, language = excluded.language
            """)
        .params(userId, mode.name(), language)
        .update();
  }

  void markSeen(long userId, String language, Instant at) {
    jdbc.sql(
            """
            insert into app.staff_notice_setting (user_id, language, tasks_seen_at) values (?, ?, ?)
            on conflict (user_id) do update
              set language = excluded.language, tasks_seen_at = excluded.tasks_seen_at
            """)
        .params(userId, language, Timestamp.from(at))
        .update();
  }

  /**
   * Records the arrival once per user, task and kind; with {@code again} an earlier one is moved to
   * {@code at} (a new assignment counts as new and goes into the next digest). Returns whether
   * anything was recorded or moved.
   */
  boolean record(Arrival arrival, Instant at, boolean again) {
    String onConflict =
        again
            ? "do update set arrived_at = excluded.arrived_at, digested_at = null,"
                + " task_name = excluded.task_name, subject = excluded.subject"
            : "do nothing";
    return jdbc.sql(
                """
                insert into app.staff_task_arrival
                  (user_id, task_key, kind, task_name, subject, arrived_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id, task_key, kind)
                """
                    + onConflict)
            .params(
                arrival.userId(),
                arrival.taskKey(),
                arrival.kind().name(),
                cut(arrival.taskName()),
                arrival.subject() == null ? null : cut(arrival.subject()),
                Timestamp.from(at))
            .update()
        > 0;
  }

  /** Tasks assigned to the user since they last opened the list, counted up to {@code cap + 1}. */
  long newSinceSeen(long userId, int cap) {
    return jdbc.sql(
            """
            select count(*) from (
              select 1 from app.staff_task_arrival a
              where a.user_id = :user and a.kind = 'ASSIGNED'
                and a.arrived_at > coalesce(
                  (select s.tasks_seen_at from app.staff_notice_setting s where s.user_id = :user),
                  '-infinity'::timestamptz)
              limit :limit) newer
            """)
        .param("user", userId)
        .param("limit", cap + 1)
        .query(Long.class)
        .single();
  }

  /** Arrivals not yet in a digest, of users who chose the digest, oldest first. */
  Map<String, List<Arrival>> undigested() {
    Map<String, List<Arrival>> byUser = new LinkedHashMap<>();
    jdbc.sql(
            """
            select u.username, a.user_id, a.task_key, a.kind, a.task_name, a.subject
            from app.staff_task_arrival a
            join app.staff_notice_setting s on s.user_id = a.user_id and s.mode = 'DAILY_DIGEST'
            join app.app_user u on u.id = a.user_id
            where a.digested_at is null
            order by a.user_id, a.arrived_at, a.id
            """)
        .query(
            rs -> {
              byUser
                  .computeIfAbsent(rs.getString("username"), user -> new ArrayList<>())
                  .add(
                      new Arrival(
                          rs.getLong("user_id"),
                          rs.getLong("task_key"),
                          ArrivalKind.valueOf(rs.getString("kind")),
                          rs.getString("task_name"),
                          rs.getString("subject")));
            });
    return byUser;
  }

  void markDigested(long userId, Instant at) {
    jdbc.sql(
            "update app.staff_task_arrival set digested_at = ? where user_id = ? and digested_at is null")
        .params(Timestamp.from(at), userId)
        .update();
  }

  private static String cut(String text) {
    return text.length() > 255 ? text.substring(0, 255) : text;
  }
}
