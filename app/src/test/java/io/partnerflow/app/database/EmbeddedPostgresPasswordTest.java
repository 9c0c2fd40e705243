package io.partnerflow.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL trusts no connection: only its generated superuser password opens it. */
@PartnerflowTest
class EmbeddedPostgresPasswordTest {

  @Autowired EmbeddedPostgresServer server;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldRefuseConnectionsWithoutTheGeneratedPassword() {
    // given
    String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";

    // when / then: no password, a guessed one, the library's habitual one
    assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(url, "postgres")).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(url, "")).isInstanceOf(SQLException.class);
  }

  @Test
  void shouldLetTheAppConnectWithThePasswordKeptBesideTheData() throws Exception {
    // given
    Path file =
        server.dataDirectory().resolveSibling(server.dataDirectory().getFileName() + ".password");
    String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";

    // when
    try (Connection connection = connect(url, Files.readString(file).strip())) {
      // then
      assertThat(connection.isValid(5)).isTrue();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void shouldAskEveryConnectionForAPassword() {
    // then: pg_hba.conf as the server reads it has no "trust" line
    assertThat(
            jdbc.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules")
                .query(String.class)
                .list())
        .containsExactly("scram-sha-256");
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
