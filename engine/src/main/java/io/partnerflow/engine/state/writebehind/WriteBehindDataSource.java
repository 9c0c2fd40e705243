package io.partnerflow.engine.state.writebehind;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Hands out {@link WriteBehindConnection}s over the target's connections. */
public class WriteBehindDataSource extends DelegatingDataSource {

  public WriteBehindDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return WriteBehindConnection.wrap(obtainTargetDataSource().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return WriteBehindConnection.wrap(obtainTargetDataSource().getConnection(username, password));
  }
}
