package io.partnerflow.app.partner;

import io.partnerflow.app.base.i18n.Countries;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Server-side rules for partner input; collects every field error at once. */
final class PartnerValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private PartnerValidator() {}

  /** The input cleaned up (trimmed, country upper case, website with scheme) or an exception. */
  static NewPartner validate(NewPartner input) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = trim(input.name());
    if (name == null) {
      errors.put("name", "partner.error.required");
    } else if (name.length() > 200) {
      errors.put("name", "partner.error.tooLong");
    }
    String website = normaliseWebsite(trim(input.website()));
    if (website != null && (website.length() > 300 || !isWebAddress(website))) {
      errors.put("website", "partner.error.website");
    }
    String country = normaliseCountry(input.country());
    if (country == null) {
      errors.put("country", "partner.error.required");
    } else if (!Countries.isKnown(country)) {
      errors.put("country", "partner.error.country");
    }
    if (input.type() == null) {
      errors.put("type", "partner.error.required");
    }
    if (input.tier() == null) {
      errors.put("tier", "partner.error.required");
    }
    if (input.fitScore() != null && (input.fitScore() < 0 || input.fitScore() > 100)) {
      errors.put("fitScore", "partner.error.fitScore");
    }
    PartnerContact contact = validateContact(input.contact(), errors);
    if (!errors.isEmpty()) {
      throw new PartnerValidationException(errors);
    }
    return new NewPartner(
        name,
        website,
        country,
        input.type(),
        input.tier(),
        trim(input.ownerUsername()),
        contact,
        input.fitScore(),
        input.applicationId());
  }

  private static PartnerContact validateContact(
      PartnerContact contact, Map<String, String> errors) {
    if (contact == null) {
      return null;
    }
    String name = trim(contact.name());
    String email = trim(contact.email());
    String phone = trim(contact.phone());
    String role = trim(contact.role());
    if (name == null) {
      errors.put("contact.name", "partner.error.required");
    } else if (name.length() > 200) {
      errors.put("contact.name", "partner.error.tooLong");
    }
    if (email == null) {
      errors.put("contact.email", "partner.error.required");
    } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
      errors.put("contact.email", "partner.error.email");
    }
    if (phone != null && phone.length() > 50) {
      errors.put("contact.phone", "partner.error.tooLong");
    }
    if (role != null && role.length() > 100) {
      errors.put("contact.role", "partner.error.tooLong");
    }
    return new PartnerContact(name, email, phone, role, true);
  }

  static String normaliseCountry(String country) {
    String value = trim(country);
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  private static String normaliseWebsite(String website) {
    if (website == null) {
      return null;
    }
    return website.matches("(?i)^https?://.*") ? website : "https://" + website;
  }

  private static boolean isWebAddress(String value) {
    try {
      URI uri = new URI(value);
      return uri.getHost() != null && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static String trim(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
