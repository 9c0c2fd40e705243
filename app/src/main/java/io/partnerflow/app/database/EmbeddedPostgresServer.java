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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL cluster per data directory and JVM. Spring test contexts come and go, the
 * cluster stays: it is started once and stopped when the JVM shuts down, after Spring Boot has
 * closed the application (its shutdown handlers run last), so that the app drains and stops before
 * its database does.
 *
 * <p>Nothing connects without the superuser's password: it is generated when the cluster is created
 * ({@link SuperuserPassword}) and pg_hba.conf asks every connection for it. A cluster created
 * before (with the library's "trust") gets a password on its next start.
 */
public final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

  static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String password) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.password = password;
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
      SuperuserPassword secret = new SuperuserPassword(directory);
      boolean created =
          properties.cleanOnStart() || !Files.exists(directory.resolve("postgresql.conf"));
      boolean trusting = !created && !secret.exists();
      String password = created || trusting ? secret.generate() : secret.read();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(properties.cleanOnStart())
              .setPort(properties.port())
              // after a crash the server first replays its write-ahead log
              .setPGStartupWait(Duration.ofMinutes(2))
              // the library's defaults favour test speed over durability; real data needs both
              .setServerConfig("fsync", properties.durable() ? "on" : "off")
              .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
              .setServerConfig("password_encryption", "scram-sha-256")
              // not the library's own JVM hook: it would race the app's shutdown
              .setRegisterShutdownHook(false)
              .setConnectConfig("password", password);
      if (created) {
        // initdb options: these come after the library's "-A trust" and replace it
        builder
            .setLocaleConfig("auth", "scram-sha-256")
            .setLocaleConfig("pwfile", secret.file().toString());
      }
      if (!trusting) {
        builder.setDataDirectoryCustomizer(
            dataDirectory -> SuperuserPassword.requirePasswords(dataDirectory.toPath()));
      }
      EmbeddedPostgres postgres = builder.start();
      SpringApplication.getShutdownHandlers().add(() -> stop(directory, postgres));
      if (trusting) {
        setPasswordOfTrustingCluster(postgres, directory, password);
      }
      return new EmbeddedPostgresServer(postgres, directory, password);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in "
              + directory
              + " (is another Partnerflow running on the same data directory?)",
          e);
    }
  }

  private static void stop(Path directory, EmbeddedPostgres postgres) {
    RUNNING.remove(directory);
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("Could not stop the embedded PostgreSQL in {}: {}", directory, e.toString());
    }
  }

  /**
   * A cluster from before passwords (its pg_hba.conf still trusts every local connection): sets the
   * new password while trust still lets us in, then requires it from every connection.
   */
  private static void setPasswordOfTrustingCluster(
      EmbeddedPostgres postgres, Path directory, String password) {
    try (Connection connection = postgres.getPostgresDatabase(Map.of()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
      SuperuserPassword.requirePasswords(directory);
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
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
    return postgres.getJdbcUrl(SUPERUSER, database);
  }

  /** The superuser's password (the one in {@code <data-directory>.password}). */
  public String password() {
    return password;
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
