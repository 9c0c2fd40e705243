package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerflow.engine.problem.EngineException;

/**
 * Reads search bodies leniently: a filter value may be plain ({@code "id"}) or advanced ({@code
 * {"$eq": "id", "$in": []}}); empty arrays and unknown fields do not constrain.
 */
final class SearchRequests {

  static final int DEFAULT_LIMIT = 100;

  private SearchRequests() {}

  /** Record of the sort and page parts of a search body. */
  record SortAndPage(String field, boolean descending, int from, int limit) {}

  static String string(JsonNode filter, String field) {
    JsonNode value = filter == null ? null : filter.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isObject()) {
      JsonNode eq = value.get("$eq");
      if (eq != null && !eq.isNull()) {
        return eq.asText();
      }
      JsonNode in = value.get("$in");
      if (in != null && in.isArray() && in.size() == 1) {
        return in.get(0).asText();
      }
      if (in != null && in.isArray() && in.size() > 1) {
        throw EngineException.invalid(
            "Filter '%s' with several $in values is not supported yet".formatted(field));
      }
      return null;
    }
    return value.asText();
  }

  static Integer integer(JsonNode filter, String field) {
    String value = string(filter, field);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw EngineException.invalid(
          "Expected filter '%s' to be a number, but was '%s'".formatted(field, value));
    }
  }

  static Boolean bool(JsonNode filter, String field) {
    JsonNode value = filter == null ? null : filter.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw EngineException.invalid("Expected filter '%s' to be a boolean".formatted(field));
    }
    return value.booleanValue();
  }

  static SortAndPage sortAndPage(JsonNode body) {
    String field = null;
    boolean descending = false;
    JsonNode sort = body == null ? null : body.get("sort");
    if (sort != null && sort.isArray() && !sort.isEmpty()) {
      field = sort.get(0).path("field").asText(null);
      descending = "desc".equalsIgnoreCase(sort.get(0).path("order").asText("asc"));
    }
    JsonNode page = body == null ? null : body.get("page");
    int from = page == null ? 0 : page.path("from").asInt(0);
    int limit = page == null ? DEFAULT_LIMIT : page.path("limit").asInt(DEFAULT_LIMIT);
    if (from < 0 || limit < 0) {
      throw EngineException.invalid("Expected page from and limit to be zero or greater");
    }
    return new SortAndPage(field, descending, from, limit);
  }
}
