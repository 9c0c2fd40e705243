package io.partnerflow.app.enablement.catalogue;

/** A seed file the import refuses; the message names the file and the field. Nothing was saved. */
public class CatalogueImportException extends RuntimeException {

  private final String file;
  private final String field;

  public CatalogueImportException(String file, String field, String problem) {
    super(file + ": " + field + ": " + problem);
    this.file = file;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public String field() {
    return field;
  }
}
