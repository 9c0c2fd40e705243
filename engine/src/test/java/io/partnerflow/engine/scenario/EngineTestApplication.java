package io.partnerflow.engine.scenario;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bare Spring Boot app with nothing but the engine's auto-configuration, on embedded PG. */
@SpringBootApplication
class EngineTestApplication {

  @Bean
  DataSource dataSource() {
    return EmbeddedDatabase.dataSource();
  }
}
