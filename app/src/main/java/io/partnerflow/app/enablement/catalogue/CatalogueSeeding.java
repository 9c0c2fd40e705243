package io.partnerflow.app.enablement.catalogue;

import io.partnerflow.app.security.SystemIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports {@code partnerflow.enablement.seed-directory} once the platform is up. A bad seed file is
 * logged with its file and field and imports nothing; the platform starts regardless, with the
 * catalogue as it was.
 */
@Component
class CatalogueSeeding {

  private static final Logger log = LoggerFactory.getLogger(CatalogueSeeding.class);

  private final CatalogueImport catalogueImport;
  private final CatalogueProperties properties;

  CatalogueSeeding(CatalogueImport catalogueImport, CatalogueProperties properties) {
    this.catalogueImport = catalogueImport;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void seed() {
    String location = properties.seedDirectory();
    if (location == null || location.isBlank()) {
      return;
    }
    try {
      SystemIdentity.call(() -> catalogueImport.importFrom(location));
    } catch (CatalogueImportException e) {
      log.error("Enablement catalogue not imported: {}", e.getMessage());
    }
  }
}
