package io.partnerflow.app.base;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The one line an operator needs after start: where to go, which database, which engine. */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final Environment environment;
  private final List<StartupNote> notes;

  StartupReport(Environment environment, List<StartupNote> notes) {
    this.environment = environment;
    this.notes = notes;
  }

  // last of the ready listeners, so the line comes after the model deployment
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void onReady(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port", "?");
    log.info(
        "Partnerflow is ready at http://localhost:{}/ (database: {}; engine: {}; profiles: {}){}",
        port,
        database(),
        engine(port),
        String.join(",", environment.getActiveProfiles()),
        notes());
  }

  private String notes() {
    StringBuilder line = new StringBuilder();
    notes.stream()
        .map(StartupNote::startupNote)
        .flatMap(Optional::stream)
        .forEach(note -> line.append("; ").append(note));
    return line.toString();
  }

  private String database() {
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      return "embedded PostgreSQL in "
          + environment.getProperty("partnerflow.embedded-postgres.data-directory", "?");
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  private String engine(String port) {
    if (environment.getProperty("partnerflow.engine.enabled", Boolean.class, true)) {
      return "embedded, Camunda 8 REST API at http://localhost:" + port + "/v2";
    }
    return "remote Camunda 8 at "
        + environment.getProperty("camunda.client.rest-address", "(camunda.client.rest-address)");
  }
}
