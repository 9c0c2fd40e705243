package io.partnerflow.engine.state.writebehind;

import java.sql.SQLException;

/** What a write-behind connection offers beside {@link java.sql.Connection}. */
interface PendingWrites {

  /**
   * Holds the statement until the connection's next statement or commit, and answers true; answers
   * false (and holds nothing) when the connection is in auto-commit mode, i.e. not in a transaction
   * whose commit would send it.
   */
  boolean defer(String sql, Object[] params) throws SQLException;
}
