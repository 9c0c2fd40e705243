package io.partnerflow.engine.state.writebehind;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Runs a write whose result nobody reads: inside a transaction on a {@link WriteBehindDataSource},
 * with the transaction's next statement or its commit; otherwise at once. Only for writes that
 * cannot fail in the engine's normal course (new rows with fresh keys, updates of rows the command
 * holds the instance lock for): a failure shows at the statement that sends it, not here.
 */
@Component
public class WriteBehind {

  private final DataSource dataSource;
  private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();

  public WriteBehind(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The statement with its positional parameters ({@code ?}), which may return rows (ignored). */
  public void write(String sql, Object... params) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      if (connection.isWrapperFor(PendingWrites.class)
          && connection.unwrap(PendingWrites.class).defer(sql, params)) {
        return;
      }
      WriteBehindConnection.execute(connection, sql, params);
    } catch (SQLException e) {
      DataAccessException translated = translator.translate("write", sql, e);
      throw translated != null ? translated : new UncategorizedSQLException("write", sql, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
