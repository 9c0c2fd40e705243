package io.partnerflow.app.notification;

import java.util.Objects;

/**
 * Who gets a notice.
 *
 * @param name display name, or null
 */
public record Recipient(String email, String name) {

  public Recipient {
    Objects.requireNonNull(email, "email");
    email = email.strip();
    if (!email.matches("^[^@\\s]+@[^@\\s]+$") || email.length() > 320) {
      throw new IllegalArgumentException("Not an e-mail address: " + email);
    }
    name = name == null || name.isBlank() ? null : name.strip();
  }
}
