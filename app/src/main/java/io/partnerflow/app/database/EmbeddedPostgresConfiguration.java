package io.partnerflow.app.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the embedded PostgreSQL when {@code spring.datasource.url} is not set, so a fresh clone
 * needs nothing but a JDK. With a URL set, Spring Boot's own datasource takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

  @Bean
  EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
    return EmbeddedPostgresServer.obtain(properties);
  }

  @Bean
  DataSource dataSource(EmbeddedPostgresServer server, EmbeddedPostgresProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setPoolName("partnerflow");
    dataSource.setJdbcUrl(server.jdbcUrl(properties.database()));
    dataSource.setUsername(EmbeddedPostgresServer.SUPERUSER);
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(20);
    return dataSource;
  }
}
