package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerflow.engine.command.UserTaskUpdate;
import io.partnerflow.engine.command.UserTaskUpdate.Change;
import io.partnerflow.engine.problem.EngineException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of PATCH /v2/user-tasks/{key}, {@code {changeset: {...}, action}}, keeping apart
 * what the client's builder keeps apart: an absent or null field (unchanged), an empty text or list
 * (the {@code clear...()} methods: removed) and a value (replaced).
 */
final class UserTaskUpdateRequests {

  private static final String FIELDS =
      "[action, dueDate, followUpDate, candidateUsers, candidateGroups, priority]";

  private UserTaskUpdateRequests() {}

  static UserTaskUpdate changes(JsonNode body) {
    if (body != null && !body.isNull() && !body.isObject()) {
      throw EngineException.invalid("Expected a JSON object as the request body");
    }
    JsonNode changeset = body == null ? null : body.get("changeset");
    if (changeset != null && !changeset.isNull() && !changeset.isObject()) {
      throw EngineException.invalid("Expected 'changeset' to be an object");
    }
    JsonNode fields = changeset == null || changeset.isNull() ? null : changeset;
    UserTaskUpdate changes =
        new UserTaskUpdate(
            date(fields, "dueDate", "due date"),
            date(fields, "followUpDate", "follow-up date"),
            names(fields, "candidateGroups"),
            names(fields, "candidateUsers"),
            priority(fields));
    boolean hasAction = body != null && body.hasNonNull("action");
    if (changes.isEmpty() && !hasAction) {
      throw EngineException.invalid("At least one of %s is required.".formatted(FIELDS));
    }
    return changes;
  }

  private static Change<OffsetDateTime> date(JsonNode fields, String field, String what) {
    JsonNode node = present(fields, field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw EngineException.invalid(
          "Expected '%s' to be a text, but was '%s'".formatted(field, node));
    }
    String text = node.asText();
    if (text.isEmpty()) {
      return Change.cleared();
    }
    try {
      return new Change<>(ZonedDateTime.parse(text).toOffsetDateTime());
    } catch (DateTimeParseException e) {
      throw EngineException.invalid(
          "The provided %s '%s' cannot be parsed as a date according to RFC 3339, section 5.6."
              .formatted(what, text));
    }
  }

  private static Change<List<String>> names(JsonNode fields, String field) {
    JsonNode node = present(fields, field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw EngineException.invalid(
          "Expected '%s' to be a list of texts, but was '%s'".formatted(field, node));
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw EngineException.invalid(
            "Expected '%s' to be a list of non-empty texts, but it contains '%s'"
                .formatted(field, item));
      }
      names.add(item.asText());
    }
    return new Change<>(List.copyOf(names));
  }

  private static Integer priority(JsonNode fields) {
    JsonNode node = present(fields, "priority");
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw EngineException.invalid(
          "The value for priority is '%s' but must be within the [0,100] range.".formatted(node));
    }
    return node.asInt();
  }

  private static JsonNode present(JsonNode fields, String field) {
    JsonNode node = fields == null ? null : fields.get(field);
    return node == null || node.isNull() ? null : node;
  }
}
