package io.partnerflow.engine.state.writebehind;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * A connection that holds deferred writes and sends them, in their order, before anything else
 * reaches the database: before a statement is prepared (so a read in the same transaction sees
 * them), before a savepoint, and at the commit — there in the same round trip as the {@code
 * COMMIT}, after which the driver's own commit has nothing left to do. A rollback or a close
 * without commit drops them: they were never sent. A write that fails fails whatever sent it (the
 * next statement or the commit), and the transaction rolls back as for any failed statement.
 *
 * <p>The statements go as one multi-statement prepared statement, which the PostgreSQL driver sends
 * as one pipeline (parse, bind and execute of each, then a single sync) and prepares on the server
 * like any other once it has been used a few times.
 */
final class WriteBehindConnection implements InvocationHandler, PendingWrites {

  private final Connection target;
  private final List<String> statements = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  private WriteBehindConnection(Connection target) {
    this.target = target;
  }

  static Connection wrap(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            WriteBehindConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class, PendingWrites.class},
            new WriteBehindConnection(target));
  }

  @Override
  public boolean defer(String sql, Object[] values) throws SQLException {
    if (target.getAutoCommit()) {
      return false;
    }
    statements.add(sql);
    Collections.addAll(params, values);
    return true;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "defer":
        return defer((String) args[0], (Object[]) args[1]);
      case "unwrap":
        if (args[0] == PendingWrites.class) {
          return proxy;
        }
        break;
      case "isWrapperFor":
        if (args[0] == PendingWrites.class) {
          return true;
        }
        break;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "WriteBehind[" + target + "]";
      case "prepareStatement",
      "prepareCall",
      "createStatement",
      "setSavepoint",
      "releaseSavepoint",
      "setAutoCommit":
        send(false);
        break;
      case "commit":
        send(true);
        break;
      case "rollback", "close", "abort":
        // a rollback to a savepoint drops only what came after it: a savepoint sends what was held
        drop();
        break;
      default:
        break;
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Sends what is held, in one round trip, followed by COMMIT when committing. */
  private void send(boolean commit) throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    String sql = String.join(";\n", statements) + (commit ? ";\nCOMMIT" : "");
    Object[] values = params.toArray();
    drop(); // sent once, whatever the outcome
    try {
      execute(target, sql, values);
    } catch (SQLException e) {
      // named as what failed: the caller's exception would otherwise carry the next statement's SQL
      SQLException failed =
          new SQLException(
              "Held writes failed when sent "
                  + (commit ? "with the commit" : "before the next statement")
                  + ": "
                  + e.getMessage(),
              e.getSQLState(),
              e.getErrorCode(),
              e);
      if (commit) {
        // the COMMIT was not reached: end the failed transaction here, not when the pool resets
        // the connection
        rollbackAfter(failed);
      }
      throw failed;
    }
  }

  /**
   * Runs the statement with its parameters bound as Spring's JdbcTemplate binds them; rows it
   * returns are not read.
   */
  static void execute(Connection connection, String sql, Object[] values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        StatementCreatorUtils.setParameterValue(
            statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
      }
      statement.execute();
    }
  }

  private void rollbackAfter(SQLException failure) {
    try {
      target.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void drop() {
    statements.clear();
    params.clear();
  }
}
