package io.partnerflow.app.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row in {@code app.demo_history}: the history ran here (or runs), and how far it got. */
@Repository
@Profile("demo")
class DemoHistoryMarker {

  private final JdbcClient jdbc;

  DemoHistoryMarker(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the run; false when it ran (or started) before on this database. */
  boolean claim(int applications, Instant at) {
    return jdbc.sql(
                "INSERT INTO app.demo_history (id, applications, started_at)"
                    + " VALUES (1, :applications, :at) ON CONFLICT (id) DO NOTHING")
            .param("applications", applications)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  void progress(int done) {
    jdbc.sql("UPDATE app.demo_history SET done = :done WHERE id = 1").param("done", done).update();
  }

  void finished(Instant at, String failure) {
    jdbc.sql("UPDATE app.demo_history SET finished_at = :at, failure = :failure WHERE id = 1")
        .param("at", Timestamp.from(at))
        .param("failure", failure)
        .update();
  }

  /** Closes a run that a shutdown cut short; true when there was one. */
  boolean closeInterrupted(Instant at) {
    return jdbc.sql(
                "UPDATE app.demo_history SET finished_at = :at, failure = 'interrupted by a shutdown'"
                    + " WHERE finished_at IS NULL")
            .param("at", Timestamp.from(at))
            .update()
        > 0;
  }

  Optional<DemoHistoryProgress> progress() {
    return jdbc.sql("SELECT applications, done, finished_at, failure FROM app.demo_history")
        .query(
            (rs, row) ->
                new DemoHistoryProgress(
                    rs.getInt("done"),
                    rs.getInt("applications"),
                    rs.getTimestamp("finished_at") != null,
                    rs.getString("failure")))
        .optional();
  }
}
