package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.FieldFilter;
import io.partnerflow.engine.state.SearchColumns;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.SearchPaging;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads search bodies leniently: a filter value may be plain ({@code "id"}) or advanced ({@code
 * {"$eq": "id", "$in": []}}); empty arrays and unknown fields do not constrain.
 *
 * <p>The generic path for a new search: declare a {@link SearchColumns} whitelist in the
 * repository, then {@link #filters} + {@link #paging} here, {@code SqlWhere}/{@code SqlSearch} in
 * the repository, and {@link #page} for the response's page part (cursors included).
 */
final class SearchRequests {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  private static final Set<String> OPERATORS =
      Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like", "$gt", "$gte", "$lt", "$lte");
  private static final String CURSOR_PREFIX = "offset:";

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

  /** The body's {@code filter} object; null when absent. */
  static JsonNode filterOf(JsonNode body) {
    JsonNode filter = body == null ? null : body.get("filter");
    if (filter == null || filter.isNull()) {
      return null;
    }
    if (!filter.isObject()) {
      throw EngineException.invalid("Expected 'filter' to be an object");
    }
    return filter;
  }

  /** Field → condition for every whitelisted field that the filter constrains. */
  static Map<String, FieldFilter<?>> filters(JsonNode filter, SearchColumns columns) {
    Map<String, FieldFilter<?>> result = new LinkedHashMap<>();
    if (filter == null) {
      return result;
    }
    for (SearchColumns.Column column : columns.filters()) {
      FieldFilter<?> condition = filter(filter.get(column.field()), column);
      if (!condition.isEmpty()) {
        result.put(column.field(), condition);
      }
    }
    return result;
  }

  /** One field's condition, its values read as the column's type. */
  static FieldFilter<?> filter(JsonNode value, SearchColumns.Column column) {
    String field = column.field();
    return switch (column.type()) {
      case STRING -> filter(value, field, v -> text(field, v), true, false);
      case ENUM -> filter(value, field, v -> enumValue(field, v, column.values()), true, false);
      case KEY -> filter(value, field, v -> key(field, v), false, false);
      case INTEGER -> filter(value, field, v -> integer(field, v), false, true);
      case DATE -> filter(value, field, v -> date(field, v), false, true);
      case BOOLEAN -> filter(value, field, v -> bool(field, v), false, false);
    };
  }

  /**
   * Reads a plain value (= {@code $eq}) or an operator object. Unknown operators and operators the
   * type has no meaning for are rejected (400) rather than ignored, as ignoring would widen the
   * result.
   */
  static <T> FieldFilter<T> filter(
      JsonNode value,
      String field,
      Function<JsonNode, T> parse,
      boolean likeAllowed,
      boolean rangeAllowed) {
    if (value == null || value.isNull()) {
      return FieldFilter.none();
    }
    if (!value.isObject()) {
      return FieldFilter.equalTo(parse.apply(value));
    }
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String operator = names.next();
      boolean like = operator.equals("$like");
      boolean range = operator.matches("\\$(gt|gte|lt|lte)");
      if (!OPERATORS.contains(operator) || (like && !likeAllowed) || (range && !rangeAllowed)) {
        throw EngineException.invalid(
            "Filter '%s' does not support the operator '%s'".formatted(field, operator));
      }
    }
    JsonNode exists = value.get("$exists");
    if (exists != null && !exists.isNull() && !exists.isBoolean()) {
      throw EngineException.invalid("Expected '%s.$exists' to be a boolean".formatted(field));
    }
    JsonNode like = value.get("$like");
    return new FieldFilter<>(
        single(value, "$eq", parse),
        single(value, "$neq", parse),
        exists == null || exists.isNull() ? null : exists.booleanValue(),
        list(value, field, "$in", parse),
        list(value, field, "$notIn", parse),
        like == null || like.isNull() ? null : text(field, like),
        single(value, "$gt", parse),
        single(value, "$gte", parse),
        single(value, "$lt", parse),
        single(value, "$lte", parse));
  }

  /**
   * Sort and page: sort fields must be in the whitelist (400 otherwise); {@code after}/{@code
   * before} cursors (from an earlier page's {@code endCursor}/{@code startCursor}) win over {@code
   * from}.
   */
  static SearchPaging paging(JsonNode body, SearchColumns columns) {
    List<SearchPaging.Sort> sorts = new ArrayList<>();
    JsonNode sort = body == null ? null : body.get("sort");
    if (sort != null && !sort.isNull()) {
      if (!sort.isArray()) {
        throw EngineException.invalid("Expected 'sort' to be an array");
      }
      for (JsonNode entry : sort) {
        String field = entry.path("field").asText(null);
        if (field == null || !columns.sorts().containsKey(field)) {
          throw EngineException.invalid(
              "Cannot sort by '%s'; sortable fields are %s"
                  .formatted(field, columns.sorts().keySet().stream().sorted().toList()));
        }
        String order = entry.path("order").asText("ASC");
        if (!order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
          throw EngineException.invalid(
              "Expected sort order ASC or DESC, but was '%s'".formatted(order));
        }
        sorts.add(new SearchPaging.Sort(field, order.equalsIgnoreCase("DESC")));
      }
    }
    JsonNode page = body == null ? null : body.get("page");
    int from = pageNumber(page, "from", 0);
    int limit = pageNumber(page, "limit", DEFAULT_LIMIT);
    if (limit > MAX_LIMIT) {
      throw EngineException.invalid(
          "Expected page limit to be at most %d, but was %d".formatted(MAX_LIMIT, limit));
    }
    String after = page == null ? null : page.path("after").asText(null);
    String before = page == null ? null : page.path("before").asText(null);
    if (after != null) {
      from = cursor(after) + 1;
    } else if (before != null) {
      int end = cursor(before);
      from = Math.max(0, end - limit);
      limit = end - from;
    }
    return new SearchPaging(sorts, from, limit);
  }

  /**
   * The response's page: the total (capped where the search caps it: {@code hasMoreTotalItems}),
   * cursors of the first and last item of this page.
   */
  static SearchQueryPageResponse page(SearchPage<?> page, SearchPaging paging) {
    SearchQueryPageResponse response =
        new SearchQueryPageResponse()
            .totalItems(page.totalItems())
            .hasMoreTotalItems(page.hasMoreTotalItems());
    if (!page.items().isEmpty()) {
      response
          .startCursor(encodeCursor(paging.offset()))
          .endCursor(encodeCursor(paging.offset() + page.items().size() - 1));
    }
    return response;
  }

  /**
   * Rejects (400) filter fields the engine does not evaluate yet when they carry a constraint:
   * silently ignoring them would return instances the caller excluded.
   */
  static void rejectUnsupported(JsonNode filter, String... fields) {
    if (filter == null) {
      return;
    }
    for (String field : fields) {
      JsonNode value = filter.get(field);
      if (constrains(value)) {
        throw EngineException.invalid(
            "Filter '%s' is not supported by the embedded engine".formatted(field));
      }
    }
  }

  private static boolean constrains(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isArray()) {
      return !value.isEmpty();
    }
    if (value.isObject()) {
      for (JsonNode part : value) {
        if (constrains(part)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  static String encodeCursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int cursor(String cursor) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (decoded.startsWith(CURSOR_PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(CURSOR_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the rejection
    }
    throw EngineException.invalid(
        "Expected a cursor from an earlier page, but was '%s'".formatted(cursor));
  }

  private static int pageNumber(JsonNode page, String name, int otherwise) {
    JsonNode value = page == null ? null : page.get(name);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.canConvertToInt() || value.asInt() < 0) {
      throw EngineException.invalid(
          "Expected page %s to be a number, zero or greater, but was %s".formatted(name, value));
    }
    return value.asInt();
  }

  private static <T> T single(JsonNode object, String operator, Function<JsonNode, T> parse) {
    JsonNode value = object.get(operator);
    return value == null || value.isNull() ? null : parse.apply(value);
  }

  private static <T> List<T> list(
      JsonNode object, String field, String operator, Function<JsonNode, T> parse) {
    JsonNode value = object.get(operator);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw EngineException.invalid("Expected '%s.%s' to be an array".formatted(field, operator));
    }
    List<T> values = new ArrayList<>();
    value.forEach(v -> values.add(parse.apply(v)));
    return values;
  }

  static String text(String field, JsonNode value) {
    if (value.isContainerNode()) {
      throw EngineException.invalid("Expected filter '%s' to be a text value".formatted(field));
    }
    return value.asText();
  }

  private static String enumValue(String field, JsonNode value, Set<String> allowed) {
    String text = text(field, value);
    if (!allowed.contains(text)) {
      throw EngineException.invalid(
          "Expected filter '%s' to be one of %s, but was '%s'"
              .formatted(field, allowed.stream().sorted().toList(), text));
    }
    return text;
  }

  private static Long key(String field, JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.longValue();
    }
    return Keys.parse(field, text(field, value));
  }

  private static Integer integer(String field, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    try {
      return Integer.parseInt(text(field, value).strip());
    } catch (NumberFormatException e) {
      throw EngineException.invalid(
          "Expected filter '%s' to be a number, but was '%s'".formatted(field, value.asText()));
    }
  }

  private static OffsetDateTime date(String field, JsonNode value) {
    try {
      return OffsetDateTime.parse(text(field, value));
    } catch (DateTimeParseException e) {
      throw EngineException.invalid(
          "Expected filter '%s' to be an ISO-8601 date-time, but was '%s'"
              .formatted(field, value.asText()));
    }
  }

  private static Boolean bool(String field, JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = text(field, value);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw EngineException.invalid("Expected filter '%s' to be a boolean".formatted(field));
  }
}
