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
    assertThat(environment.getProperty("camunda.client.auth.username"))
        .isEqualTo(environment.getProperty("partnerflow.engine.api.username"));
    assertThat(environment.getProperty("camunda.client.auth.password"))
        .isEqualTo(environment.getProperty("partnerflow.engine.api.password"));
  }

  @Test
  void shouldGenerateADifferentSecretAtEveryStartWithoutAConfiguredPassword() {
    // given: two installations without a configured credential (one with a blank password, as
    // an empty environment variable gives)
    MockEnvironment first = new MockEnvironment();
    MockEnvironment second =
        new MockEnvironment().withProperty("partnerflow.engine.api.password", "");

    // when
    processor.postProcessEnvironment(first, new SpringApplication());
    processor.postProcessEnvironment(second, new SpringApplication());

    // then: each has a long random password, the engine and its client agree on it, and the old
    // README default is nobody's credential
    String password = first.getProperty("partnerflow.engine.api.password");
    assertThat(password).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo("partnerflow");
    assertThat(second.getProperty("partnerflow.engine.api.password"))
        .hasSizeGreaterThanOrEqualTo(40)
        .isNotEqualTo(password);
    assertThat(first.getProperty("camunda.client.auth.password")).isEqualTo(password);
    assertThat(first.getProperty("camunda.client.auth.username"))
        .isEqualTo(first.getProperty("partnerflow.engine.api.username"))
        .isNotBlank();
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
