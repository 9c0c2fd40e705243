package io.partnerflow.engine.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EngineClientEnvironmentPostProcessorTest {

  private final EngineClientEnvironmentPostProcessor processor =
      new EngineClientEnvironmentPostProcessor();

  @Test
  void shouldPointTheClientAtTheEmbeddedEngine() {
    // given
    MockEnvironment environment = new MockEnvironment().withProperty("server.port", "9090");

    // when
    processor.postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getProperty("camunda.client.mode")).isEqualTo("self-managed");
    assertThat(environment.getProperty("camunda.client.rest-address"))
        .isEqualTo("http://127.0.0.1:9090");
    assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("true");
    assertThat(environment.getProperty("camunda.client.grpc-address")).startsWith("http://");
    assertThat(environment.getProperty("camunda.client.auth.method")).isEqualTo("basic");
    assertThat(environment.getProperty("camunda.client.auth.username")).isEqualTo("partnerflow");
    assertThat(environment.getProperty("camunda.client.auth.password")).isEqualTo("partnerflow");
  }

  @Test
  void shouldKeepWhatTheUserConfigured() {
    // given
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("camunda.client.rest-address", "https://cluster.example.com")
            .withProperty("partnerflow.engine.api.username", "api")
            .withProperty("partnerflow.engine.api.password", "secret");

    // when
    processor.postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getProperty("camunda.client.rest-address"))
        .isEqualTo("https://cluster.example.com");
    assertThat(environment.getProperty("camunda.client.auth.username")).isEqualTo("api");
    assertThat(environment.getProperty("camunda.client.auth.password")).isEqualTo("secret");
  }

  @Test
  void shouldPickAFreePortUpFrontForPortZero() {
    // given
    MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

    // when
    processor.postProcessEnvironment(environment, new SpringApplication());

    // then
    int port = environment.getProperty("server.port", Integer.class);
    assertThat(port).isPositive();
    assertThat(environment.getProperty("camunda.client.rest-address"))
        .isEqualTo("http://127.0.0.1:" + port);
  }

  @Test
  void shouldDoNothingWhenTheEngineIsDisabled() {
    // given
    MockEnvironment environment =
        new MockEnvironment().withProperty("partnerflow.engine.enabled", "false");

    // when
    processor.postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.containsProperty("camunda.client.rest-address")).isFalse();
  }
}
