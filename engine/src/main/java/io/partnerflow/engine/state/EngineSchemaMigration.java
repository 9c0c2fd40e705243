package io.partnerflow.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migrates schema {@code engine} at startup with the engine's own changelog.
 *
 * <p>Several nodes may start at once on one database: the migration runs under a session-level
 * advisory lock, on the connection that holds it, so the nodes migrate one after the other (the
 * later ones find nothing to do) instead of racing on {@code CREATE SCHEMA} and Liquibase's lock
 * table or polling Liquibase's lock every ten seconds. PostgreSQL drops the advisory lock with the
 * connection of a node that dies; Liquibase's own lock row would stay taken and block every later
 * start, so a node that holds the advisory lock releases it.
 *
 * <p>Deliberately not a {@code SpringLiquibase} bean: Spring Boot's Liquibase auto-configuration
 * backs off when one exists, and the app's own changelog would then never run.
 */
@Component
public class EngineSchemaMigration implements InitializingBean {

  public static final String SCHEMA = "engine";
  static final String CHANGELOG = "classpath:db/engine/changelog.yaml";

  /** In the engine's single-key advisory lock space (deployments use 7271001). */
  private static final long MIGRATION_LOCK = 7271002;

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaMigration.class);

  private final DataSource dataSource;
  private final ResourceLoader resourceLoader;

  public EngineSchemaMigration(DataSource dataSource, ResourceLoader resourceLoader) {
    this.dataSource = dataSource;
    this.resourceLoader = resourceLoader;
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      execute(connection, "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
      try {
        migrate(new SingleConnectionDataSource(connection, true));
      } finally {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        execute(connection, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
      }
    }
  }

  private void migrate(DataSource lockHolder) throws Exception {
    JdbcClient jdbc = JdbcClient.create(lockHolder);
    jdbc.sql("CREATE SCHEMA IF NOT EXISTS " + SCHEMA).update();
    releaseChangelogLockOfDeadNode(jdbc);
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(lockHolder);
    liquibase.setResourceLoader(resourceLoader);
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setDefaultSchema(SCHEMA);
    liquibase.setLiquibaseSchema(SCHEMA);
    liquibase.afterPropertiesSet();
  }

  /** Under the advisory lock no other node migrates: a taken Liquibase lock is a dead node's. */
  private static void releaseChangelogLockOfDeadNode(JdbcClient jdbc) {
    boolean lockTableExists =
        jdbc.sql("SELECT to_regclass('" + SCHEMA + ".databasechangeloglock') IS NOT NULL")
            .query(Boolean.class)
            .single();
    if (!lockTableExists) {
      return;
    }
    int released =
        jdbc.sql(
                "UPDATE "
                    + SCHEMA
                    + ".databasechangeloglock SET locked = false, lockgranted = NULL,"
                    + " lockedby = NULL WHERE locked")
            .update();
    if (released > 0) {
      LOG.warn("Released the engine schema's Liquibase lock left by a node that stopped migrating");
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
