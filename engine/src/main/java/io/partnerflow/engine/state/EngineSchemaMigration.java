package io.partnerflow.engine.state;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Migrates schema {@code engine} at startup with the engine's own changelog.
 *
 * <p>Deliberately not a {@code SpringLiquibase} bean: Spring Boot's Liquibase auto-configuration
 * backs off when one exists, and the app's own changelog would then never run.
 */
@Component
public class EngineSchemaMigration implements InitializingBean {

  public static final String SCHEMA = "engine";
  static final String CHANGELOG = "classpath:db/engine/changelog.yaml";

  private final DataSource dataSource;
  private final ResourceLoader resourceLoader;

  public EngineSchemaMigration(DataSource dataSource, ResourceLoader resourceLoader) {
    this.dataSource = dataSource;
    this.resourceLoader = resourceLoader;
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    JdbcClient.create(dataSource).sql("CREATE SCHEMA IF NOT EXISTS " + SCHEMA).update();
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setResourceLoader(resourceLoader);
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setDefaultSchema(SCHEMA);
    liquibase.setLiquibaseSchema(SCHEMA);
    liquibase.afterPropertiesSet();
  }
}
