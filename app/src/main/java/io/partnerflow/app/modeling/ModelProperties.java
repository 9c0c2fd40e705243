package io.partnerflow.app.modeling;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which models the app deploys to its engine at startup.
 *
 * @param locations resource patterns of the BPMN, DMN and form files
 * @param deployOnStartup deploy them once the app is ready
 * @param retryFor how long to keep retrying while the engine does not answer
 */
@ConfigurationProperties("partnerflow.models")
public record ModelProperties(List<String> locations, boolean deployOnStartup, Duration retryFor) {

  public ModelProperties {
    if (locations == null || locations.isEmpty()) {
      locations =
          List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form");
    }
    if (retryFor == null) {
      retryFor = Duration.ofMinutes(2);
    }
  }
}
