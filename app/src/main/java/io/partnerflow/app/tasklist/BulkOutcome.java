package io.partnerflow.app.tasklist;

/**
 * What one task of a bulk action came to.
 *
 * @param reason a translation key saying why it was refused, null when done
 */
public record BulkOutcome(long taskKey, String reason) {

  public boolean ok() {
    return reason == null;
  }
}
