package io.partnerflow.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL cluster per data directory and JVM. Spring test contexts come and go, the
 * cluster stays: it is started once and stopped by the JVM's shutdown hook.
 */
public final class EmbeddedPostgresServer {

  private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /** Returns the cluster for the configured data directory, starting it on first use. */
  public static EmbeddedPostgresServer obtain(EmbeddedPostgresProperties properties) {
    Path directory = properties.dataDirectory().toAbsolutePath().normalize();
    return RUNNING.computeIfAbsent(directory, dir -> start(dir, properties));
  }

  private static EmbeddedPostgresServer start(
      Path directory, EmbeddedPostgresProperties properties) {
    try {
      Files.createDirectories(directory);
      OrphanedPostmaster.stopIfAny(directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(properties.cleanOnStart())
              .setPort(properties.port())
              // after a crash the server first replays its write-ahead log
              .setPGStartupWait(Duration.ofMinutes(2))
              // the library's defaults favour test speed over durability; real data needs both
              .setServerConfig("fsync", properties.durable() ? "on" : "off")
              .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
              .start();
      return new EmbeddedPostgresServer(postgres, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in "
              + directory
              + " (is another Partnerflow running on the same data directory?)",
          e);
    }
  }

  /** Creates the database if it does not exist yet and returns its JDBC URL. */
  public String jdbcUrl(String database) {
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection connection = admin.getConnection()) {
      if (!exists(connection, database)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
    return postgres.getJdbcUrl("postgres", database);
  }

  private static boolean exists(Connection connection, String database) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, database);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }
}
