package io.partnerflow.app.recruitment.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Loads the compliance lists once at startup; a broken list stops the start with its line. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ScreeningConfiguration.class);

  @Bean
  ComplianceScreening complianceScreening(ScreeningProperties properties) {
    ComplianceLists lists =
        ComplianceListsLoader.load(
            file(properties, "embargoed-countries.csv"), file(properties, "denied-parties.csv"));
    log.info(
        "Compliance screening: {} countries, {} denied parties",
        lists.countries().size(),
        lists.deniedParties().size());
    return new ComplianceScreening(lists, properties.nearMatchThreshold());
  }

  private static Resource file(ScreeningProperties properties, String name) {
    Path path = Path.of(properties.directory(), name);
    return Files.isReadable(path)
        ? new FileSystemResource(path)
        : new ClassPathResource("compliance/" + name);
  }
}
