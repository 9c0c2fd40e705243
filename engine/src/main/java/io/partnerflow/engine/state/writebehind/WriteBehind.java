package io.partnerflow.engine.state.writebehind;

import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a write whose result nobody reads: inside a transaction on a {@link WriteBehindDataSource},
 * with the transaction's next statement or its commit; otherwise at once. Only for writes that
 * cannot fail in the engine's normal course (new rows with fresh keys, updates of rows the command
 * holds the instance lock for): a failure shows at the statement that sends it, not here.
 */
@Component
public class WriteBehind {

  // the transaction's connection, released and exceptions translated as for every JdbcClient call
  private final JdbcTemplate jdbc;

  public WriteBehind(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** The statement with its positional parameters ({@code ?}), which may return rows (ignored). */
  public void write(String sql, Object... params) {
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              if (!connection.isWrapperFor(PendingWrites.class)
                  || !connection.unwrap(PendingWrites.class).defer(sql, params)) {
                WriteBehindConnection.execute(connection, sql, params);
              }
              return null;
            });
  }
}
