package io.partnerflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A data directory created before passwords (the library trusts everyone) gets one on start. */
class TrustingClusterUpgradeTest {

  @Test
  void shouldRequireAPasswordFromAClusterThatTrustedEveryone() throws Exception {
    // given: a cluster as earlier versions created it, stopped
    Path directory = Path.of("target", "trusting-cluster-" + UUID.randomUUID()).toAbsolutePath();
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory).start()) {
      try (Connection trusted = old.getPostgresDatabase().getConnection()) {
        assertThat(trusted.isValid(5)).isTrue();
      }
    }

    // when: the platform starts on it
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.obtain(
            new EmbeddedPostgresProperties(directory, 0, "partnerflow", false, false));

    // then: without the password nobody gets in, with the one written beside the data one does
    String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
    assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
    String password =
        Files.readString(directory.resolveSibling(directory.getFileName() + ".password")).strip();
    assertThat(password).isEqualTo(server.password());
    try (Connection connection = connect(url, password)) {
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  private static Connection connect(String url, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }
}
