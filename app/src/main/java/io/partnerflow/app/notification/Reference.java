package io.partnerflow.app.notification;

/**
 * What a notice is about, so it can be traced: e.g. {@code Reference.of("application", 42)}.
 *
 * @param type kind of the referenced record, e.g. {@code application} or {@code partner}
 */
public record Reference(String type, String id) {

  public static final String APPLICATION = "application";
  public static final String PARTNER = "partner";

  public static Reference of(String type, Object id) {
    return new Reference(type, String.valueOf(id));
  }

  /** For notices about nothing in particular. */
  public static Reference none() {
    return new Reference(null, null);
  }
}
