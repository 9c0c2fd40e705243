package io.partnerflow.app.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster keeps its files; survives restarts
 * @param port port on 127.0.0.1, 0 for a free one
 * @param database database the app uses; created on first start
 * @param cleanOnStart wipe the data directory on the first start in this JVM (tests)
 * @param durable flush every commit to disk (fsync, synchronous commit): on for real data, off for
 *     throw-away test databases
 */
@ConfigurationProperties("partnerflow.embedded-postgres")
public record EmbeddedPostgresProperties(
    Path dataDirectory, int port, String database, boolean cleanOnStart, Boolean durable) {

  public EmbeddedPostgresProperties {
    if (dataDirectory == null) {
      dataDirectory = Path.of("data", "postgres");
    }
    if (durable == null) {
      durable = true;
    }
    if (database == null || database.isBlank()) {
      database = "partnerflow";
    }
  }
}
