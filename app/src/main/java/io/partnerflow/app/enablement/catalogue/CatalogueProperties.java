package io.partnerflow.app.enablement.catalogue;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The catalogue's settings.
 *
 * @param maxFileSize the largest file a module may carry, default 10 MB
 * @param seedDirectory a folder of course and certification files imported at start (see
 *     config/enablement/README.md); none when unset
 */
@ConfigurationProperties("partnerflow.enablement")
public record CatalogueProperties(DataSize maxFileSize, Path seedDirectory) {

  public CatalogueProperties {
    if (maxFileSize == null) {
      maxFileSize = DataSize.ofMegabytes(10);
    }
    if (maxFileSize.toBytes() < 1) {
      throw new IllegalArgumentException("partnerflow.enablement.max-file-size must be positive");
    }
  }
}
