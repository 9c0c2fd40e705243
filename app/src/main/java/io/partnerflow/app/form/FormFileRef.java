package io.partnerflow.app.form;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A file uploaded through a form's filepicker, as the form knows it: the form value is only the
 * {@code reference} (a random id), never the bytes; the rest is shown beside the download link.
 */
public record FormFileRef(String reference, String fileName, String contentType, long size) {

  private static final Pattern FORMAT =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** Whether the text has the form of a reference (whether the file exists is the store's say). */
  public static boolean isReference(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  public static UUID idOf(String reference) {
    if (!isReference(reference)) {
      throw new IllegalArgumentException("Not a file reference: " + reference);
    }
    return UUID.fromString(reference);
  }
}
