package io.partnerflow.engine.scenario;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** One embedded PostgreSQL per test JVM, started on first use and stopped at JVM exit. */
final class EmbeddedDatabase {

  private static EmbeddedPostgres postgres;

  private EmbeddedDatabase() {}

  static synchronized DataSource dataSource() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(12);
    return new HikariDataSource(config);
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting anyway
    }
  }
}
