package io.partnerflow.engine.state.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.partnerflow.engine.scenario.EmbeddedDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-behind on a real PostgreSQL: held writes reach the database before anything that could read
 * them, go with the commit in one round trip, and vanish with a rollback.
 */
class WriteBehindTest {

  private static final String INSERT = "INSERT INTO wb_item (id, name) VALUES (?, ?)";

  private static HikariDataSource pool;
  private static final AtomicInteger prepared = new AtomicInteger();
  private static final List<String> preparedSql = new CopyOnWriteArrayList<>();

  private DataSource dataSource;
  private JdbcClient jdbc;
  private WriteBehind writes;
  private TransactionTemplate transaction;

  @BeforeAll
  static void startPool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(EmbeddedDatabase.jdbcUrl("write_behind"));
    config.setMaximumPoolSize(1); // every transaction on the same connection
    pool = new HikariDataSource(config);
  }

  @AfterAll
  static void stopPool() {
    pool.close();
  }

  @BeforeEach
  void emptyTable() {
    JdbcClient plain = JdbcClient.create(pool);
    plain.sql("CREATE TABLE IF NOT EXISTS wb_item (id bigint PRIMARY KEY, name text)").update();
    plain.sql("TRUNCATE wb_item").update();
    dataSource = new WriteBehindDataSource(countingPrepares(pool));
    jdbc = JdbcClient.create(dataSource);
    writes = new WriteBehind(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    prepared.set(0);
    preparedSql.clear();
  }

  @Test
  void heldWritesGoWithTheCommitInOneRoundTrip() {
    transaction.executeWithoutResult(
        status -> {
          writes.write(INSERT, 1L, "one");
          writes.write(INSERT, 2L, null);
          writes.write("UPDATE wb_item SET name = ? WHERE id = ?", "two", 2L);
          assertThat(prepared).hasValue(0);
        });

    assertThat(prepared).hasValue(1);
    assertThat(names()).containsExactly("one", "two");
  }

  @Test
  void theCommitTravelsInTheRoundTripOfTheHeldWrites() {
    transaction.executeWithoutResult(status -> writes.write(INSERT, 1L, "one"));

    assertThat(preparedSql).singleElement().asString().startsWith(INSERT).endsWith(";\nCOMMIT");
    assertThat(names()).containsExactly("one");
  }

  @Test
  void aReadInTheTransactionSeesTheHeldWrites() {
    Long count =
        transaction.execute(
            status -> {
              writes.write(INSERT, 1L, "one");
              return jdbc.sql("SELECT count(*) FROM wb_item").query(Long.class).single();
            });

    assertThat(count).isEqualTo(1);
    assertThat(prepared).as("the held insert, then the read").hasValue(2);
  }

  @Test
  void aRollbackSendsNothing() {
    transaction.executeWithoutResult(
        status -> {
          writes.write(INSERT, 1L, "one");
          status.setRollbackOnly();
        });

    assertThat(prepared).hasValue(0);
    assertThat(names()).isEmpty();
  }

  @Test
  void aWriteThatFailsFailsTheCommitAndLeavesNothing() {
    assertThatThrownBy(() -> inOneTransactionWriteOneKeyTwiceAnd(() -> {}))
        .rootCause()
        .hasMessageContaining("duplicate key value violates unique constraint \"wb_item_pkey\"");

    assertThat(names()).isEmpty();
    transaction.executeWithoutResult(status -> writes.write(INSERT, 3L, "the next one"));
    assertThat(names()).containsExactly("the next one");
  }

  @Test
  void aWriteThatFailsFailsTheNextStatement() {
    assertThatThrownBy(
            () ->
                inOneTransactionWriteOneKeyTwiceAnd(
                    () -> jdbc.sql("SELECT count(*) FROM wb_item").query(Long.class).single()))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("Held writes failed when sent before the next statement");

    assertThat(names()).isEmpty();
  }

  @Test
  void aSavepointKeepsWhatCameBeforeItAndItsRollbackDropsWhatCameAfter() {
    TransactionTemplate nested = new TransactionTemplate(transaction.getTransactionManager());
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    transaction.executeWithoutResult(
        status -> {
          writes.write(INSERT, 1L, "before the savepoint");
          nested.executeWithoutResult(
              inner -> {
                writes.write(INSERT, 2L, "after the savepoint");
                inner.setRollbackOnly();
              });
          writes.write(INSERT, 3L, "after the rollback to it");
        });

    assertThat(names()).containsExactly("before the savepoint", "after the rollback to it");
  }

  @Test
  void outsideATransactionAWriteRunsAtOnce() {
    writes.write(INSERT, 1L, "one");

    assertThat(prepared).hasValue(1);
    assertThat(names()).containsExactly("one");
  }

  @Test
  void aStatementThatReturnsRowsCanBeHeld() {
    transaction.executeWithoutResult(
        status ->
            writes.write(
                "WITH inserted AS (INSERT INTO wb_item (id, name) VALUES (?, ?) RETURNING id)"
                    + " SELECT id FROM inserted",
                1L,
                "one"));

    assertThat(names()).containsExactly("one");
  }

  private void inOneTransactionWriteOneKeyTwiceAnd(Runnable then) {
    transaction.executeWithoutResult(
        status -> {
          writes.write(INSERT, 1L, "one");
          writes.write(INSERT, 1L, "the same key again");
          then.run();
        });
  }

  private static List<String> names() {
    return JdbcClient.create(pool)
        .sql("SELECT name FROM wb_item ORDER BY id")
        .query(String.class)
        .list();
  }

  /** The pool, with every statement prepared on its connections counted. */
  private static DataSource countingPrepares(DataSource target) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("prepareStatement")) {
                    prepared.incrementAndGet();
                    preparedSql.add((String) args[0]);
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
      }
    };
  }
}
