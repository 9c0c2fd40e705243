package io.partnerflow.app.audit.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Before/after values for people: one line for the grid, indented JSON for the detail. */
final class AuditJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditJson() {}

  /** {@code {"tier":"GOLD"}} as {@code tier: GOLD}; a plain value as itself; null as empty. */
  static String oneLine(String json) {
    JsonNode node = parse(json);
    if (node == null) {
      return json == null ? "" : json;
    }
    if (node.isObject()) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        parts.add(field.getKey() + ": " + value(field.getValue()));
      }
      return String.join(", ", parts);
    }
    return value(node);
  }

  static String indented(String json) {
    JsonNode node = parse(json);
    if (node == null) {
      return json == null ? "" : json;
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static String value(JsonNode node) {
    if (node.isNull()) {
      return "—";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
