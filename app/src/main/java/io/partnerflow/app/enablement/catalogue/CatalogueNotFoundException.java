package io.partnerflow.app.enablement.catalogue;

/** A course version, module, file, quiz or certification that does not exist for the reader. */
public class CatalogueNotFoundException extends RuntimeException {

  public CatalogueNotFoundException(String what) {
    super("No " + what + " in the catalogue");
  }
}
