package io.partnerflow.engine.scenario;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An engine whose Spring context a test can stop and start again on the same database: unlike the
 * shared context of {@link EngineScenarioTest}, it runs on its own database of the embedded server,
 * so that no other engine in the JVM works on its data meanwhile.
 */
final class RestartableEngine implements AutoCloseable {

  /** Not a @Configuration, so that the scenario application's component scan leaves it out. */
  @EnableAutoConfiguration
  static class App {}

  private final String jdbcUrl;
  private ConfigurableApplicationContext context;
  private CamundaClient client;

  RestartableEngine(String database) {
    this.jdbcUrl = EmbeddedDatabase.jdbcUrl(database);
  }

  /** Starts a new Spring context (a new engine on a new port) and a client for it. */
  CamundaClient start() {
    if (context != null) {
      throw new IllegalStateException("already running");
    }
    context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.SERVLET)
            .properties(
                "server.port=0",
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=postgres",
                "spring.liquibase.enabled=false",
                "spring.main.banner-mode=off")
            .run();
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .grpcAddress(URI.create("http://127.0.0.1:26500"))
            .preferRestOverGrpc(true)
            .credentialsProvider(
                CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .username(EngineScenarioTest.USERNAME)
                    .password(EngineScenarioTest.PASSWORD)
                    .applyEnvironmentOverrides(false)
                    .build())
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
    return client;
  }

  /** Closes the client and the Spring context: the engine is gone, only the database remains. */
  void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
