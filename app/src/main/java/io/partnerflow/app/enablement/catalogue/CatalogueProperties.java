package io.partnerflow.app.enablement.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The catalogue's settings.
 *
 * @param maxFileSize the largest file a module may carry, default 10 MB
 * @param seedDirectory a folder of course and certification files imported at each start (see
 *     config/enablement/README.md), or {@code classpath:enablement} for the copies built into the
 *     app; nothing is imported when empty
 */
@ConfigurationProperties("partnerflow.enablement")
public record CatalogueProperties(DataSize maxFileSize, String seedDirectory) {

  public CatalogueProperties {
    if (maxFileSize == null) {
      maxFileSize = DataSize.ofMegabytes(10);
    }
    if (maxFileSize.toBytes() < 1) {
      throw new IllegalArgumentException("partnerflow.enablement.max-file-size must be positive");
    }
  }
}
