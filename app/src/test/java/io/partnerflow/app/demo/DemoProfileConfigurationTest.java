package io.partnerflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped configuration (config/application*.yaml, on the classpath as the jar has it): the
 * engine's clock endpoint is open in the demo profile only, and the demo history is on there.
 */
class DemoProfileConfigurationTest {

  @Test
  void shouldOpenTheEngineClockOnlyInTheDemoProfile() throws IOException {
    // when
    PropertySource<?> production = load("application.yaml");
    PropertySource<?> demo = load("application-demo.yaml");

    // then
    assertThat(production.getProperty("partnerflow.engine.clock.enabled")).isEqualTo(false);
    assertThat(production.getProperty("partnerflow.demo.history.enabled")).isNull();
    assertThat(demo.getProperty("partnerflow.engine.clock.enabled")).isEqualTo(true);
    assertThat(demo.getProperty("partnerflow.demo.history.applications")).isEqualTo(300);
  }

  private static PropertySource<?> load(String file) throws IOException {
    return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).get(0);
  }
}
