package io.partnerflow.app.partner;

import java.util.Map;

/**
 * Input the service refuses, with one translation key per field ({@code partner.error.*}) so a form
 * can show each error at its field.
 */
public class PartnerValidationException extends RuntimeException {

  private final transient Map<String, String> fieldErrors;

  public PartnerValidationException(Map<String, String> fieldErrors) {
    super("Invalid partner: " + fieldErrors);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** Field name (as in {@link NewPartner}, {@code contact.email} for the contact) to key. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
