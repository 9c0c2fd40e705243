package io.partnerflow.engine.scenario;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One embedded PostgreSQL per test JVM, started on first use and stopped at JVM exit. */
public final class EmbeddedDatabase {

  private static EmbeddedPostgres postgres;

  private EmbeddedDatabase() {}

  static synchronized DataSource dataSource() {
    start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(12);
    return new HikariDataSource(config);
  }

  /**
   * The JDBC URL of a separate database in the same server (created on first use), for tests that
   * must not share state with the other tests, e.g. one that restarts the engine or runs engines in
   * other JVMs (robustness tests).
   */
  public static synchronized String jdbcUrl(String database) {
    start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      ResultSet exists =
          statement.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Database " + database + " could not be created", e);
    }
    return postgres.getJdbcUrl("postgres", database);
  }

  private static void start() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop));
    }
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting anyway
    }
  }
}
