package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

final class Timestamps {

  private Timestamps() {}

  static OffsetDateTime get(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
