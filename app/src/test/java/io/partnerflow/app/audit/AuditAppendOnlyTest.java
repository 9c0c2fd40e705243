package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The database itself refuses to change audit entries, with plain JDBC as the superuser. */
@PartnerflowTest
class AuditAppendOnlyTest {

  @Autowired AuditLog auditLog;
  @Autowired DataSource dataSource;

  private String subject;

  @BeforeEach
  void recordOne() {
    subject = uniqueId("append-only");
    auditLog.record(AuditAction.USER_CHANGED, AuditSubject.user(subject), null, "enabled");
  }

  @Test
  void shouldRefuseUpdate() throws SQLException {
    assertRefused(
        "UPDATE app.audit_log SET actor = 'someone else' WHERE subject_id = '" + subject + "'",
        "UPDATE");
    assertThat(actorOfEntry()).isEqualTo("system");
  }

  @Test
  void shouldRefuseDelete() throws SQLException {
    assertRefused("DELETE FROM app.audit_log WHERE subject_id = '" + subject + "'", "DELETE");
    assertThat(actorOfEntry()).isEqualTo("system");
  }

  @Test
  void shouldRefuseDeleteEvenWhenNothingMatches() {
    assertRefused("DELETE FROM app.audit_log WHERE id < 0", "DELETE");
  }

  @Test
  void shouldRefuseTruncate() throws SQLException {
    assertRefused("TRUNCATE app.audit_log", "TRUNCATE");
    assertThat(actorOfEntry()).isEqualTo("system");
  }

  private void assertRefused(String sql, String operation) {
    assertThatThrownBy(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  Statement statement = connection.createStatement()) {
                statement.execute(sql);
              }
            })
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("app.audit_log is append-only: " + operation + " is not allowed");
  }

  private String actorOfEntry() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT actor FROM app.audit_log WHERE subject_id = ?")) {
      query.setString(1, subject);
      try (ResultSet rs = query.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
