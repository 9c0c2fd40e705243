package io.partnerflow.app.recruitment.application;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored application.
 *
 * @param locale the applicant's language tag: {@code en} or {@code zh-CN}
 * @param data every value of the start form as validated on the server
 * @param processInstanceKey the recruitment process instance, null while its start is pending
 * @param closedAt when it reached a final status; null while open
 */
public record Application(
    long id,
    String companyName,
    String contactName,
    String contactEmail,
    String country,
    String partnerType,
    String locale,
    ApplicationStatus status,
    Long processInstanceKey,
    Map<String, Object> data,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt) {

  public Application {
    // form values may be null (an empty optional field), which Map.copyOf refuses
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
