package io.partnerflow.app.notification;

import java.util.Map;
import java.util.UUID;

/** Unique recipients and references in the database shared by all tests of the JVM. */
final class NotificationTestData {

  private NotificationTestData() {}

  static Recipient uniqueRecipient() {
    return new Recipient(
        "r-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example", "Rita Recipient");
  }

  static Reference uniqueReference() {
    return Reference.of(Reference.APPLICATION, UUID.randomUUID());
  }

  static Map<String, String> rejectionParams(String company) {
    return Map.of("applicantName", "Rita", "companyName", company, "applicantMessage", "");
  }
}
