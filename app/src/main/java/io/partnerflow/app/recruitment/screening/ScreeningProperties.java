package io.partnerflow.app.recruitment.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the compliance lists live and how close a name must be to count as a near hit.
 *
 * @param directory folder with embargoed-countries.csv and denied-parties.csv; when it does not
 *     exist the copies built into the app are used
 * @param nearMatchThreshold Jaro-Winkler similarity (0..1) from which a name goes to review
 */
@ConfigurationProperties("partnerflow.compliance")
public record ScreeningProperties(String directory, double nearMatchThreshold) {

  public ScreeningProperties {
    if (directory == null || directory.isBlank()) {
      directory = "./config/compliance";
    }
    if (nearMatchThreshold <= 0 || nearMatchThreshold > 1) {
      nearMatchThreshold = 0.9;
    }
  }
}
