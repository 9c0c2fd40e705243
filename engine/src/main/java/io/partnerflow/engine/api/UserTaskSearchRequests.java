package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.UserTaskQuery;
import io.partnerflow.engine.state.UserTaskQuery.Criterion;
import io.partnerflow.engine.state.UserTaskQuery.Field;
import io.partnerflow.engine.state.UserTaskQuery.Operator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a user task search body into a {@link UserTaskQuery}. A filter value is plain ({@code
 * "CREATED"}, {@code "2251799813685249"}) or advanced ({@code {"$eq": .., "$in": [..], "$like":
 * ..}}); every operator given must hold; empty arrays and nulls do not constrain; unknown fields
 * are ignored, unknown operators rejected.
 */
final class UserTaskSearchRequests {

  /** JSON filter field → query field. */
  private static final Map<String, Field> FILTERS =
      Map.ofEntries(
          Map.entry("userTaskKey", Field.USER_TASK_KEY),
          Map.entry("state", Field.STATE),
          Map.entry("assignee", Field.ASSIGNEE),
          Map.entry("candidateGroup", Field.CANDIDATE_GROUP),
          Map.entry("candidateUser", Field.CANDIDATE_USER),
          Map.entry("processInstanceKey", Field.PROCESS_INSTANCE_KEY),
          Map.entry("processDefinitionKey", Field.PROCESS_DEFINITION_KEY),
          Map.entry("processDefinitionId", Field.BPMN_PROCESS_ID),
          Map.entry("bpmnProcessId", Field.BPMN_PROCESS_ID),
          Map.entry("elementId", Field.ELEMENT_ID),
          Map.entry("elementInstanceKey", Field.ELEMENT_INSTANCE_KEY),
          Map.entry("name", Field.NAME),
          Map.entry("tenantId", Field.TENANT_ID),
          Map.entry("priority", Field.PRIORITY),
          Map.entry("creationDate", Field.CREATION_DATE),
          Map.entry("completionDate", Field.COMPLETION_DATE),
          Map.entry("dueDate", Field.DUE_DATE),
          Map.entry("followUpDate", Field.FOLLOW_UP_DATE));

  /** JSON sort field → query field. */
  static final Map<String, Field> SORTABLE =
      Map.of(
          "creationDate", Field.CREATION_DATE,
          "completionDate", Field.COMPLETION_DATE,
          "dueDate", Field.DUE_DATE,
          "followUpDate", Field.FOLLOW_UP_DATE,
          "priority", Field.PRIORITY,
          "name", Field.NAME);

  private UserTaskSearchRequests() {}

  static UserTaskQuery query(JsonNode body) {
    JsonNode filter = body == null ? null : body.get("filter");
    List<Criterion> criteria = new ArrayList<>();
    if (filter != null && filter.isObject()) {
      for (String unsupported : List.of("processInstanceVariables", "localVariables")) {
        JsonNode value = filter.get(unsupported);
        if (value != null && !value.isNull() && !value.isEmpty()) {
          throw EngineException.invalid(
              "Filtering user tasks by '%s' is not supported by the embedded engine"
                  .formatted(unsupported));
        }
      }
      Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        Field field = FILTERS.get(entry.getKey());
        if (field != null) {
          criteria.addAll(criteria(entry.getKey(), field, entry.getValue()));
        }
      }
    }
    SearchRequests.SortAndPage sortAndPage = SearchRequests.sortAndPage(body);
    Field sortField = null;
    if (sortAndPage.field() != null) {
      sortField = SORTABLE.get(sortAndPage.field());
      if (sortField == null) {
        throw EngineException.invalid(
            "Cannot sort user tasks by '%s'; sortable are %s"
                .formatted(sortAndPage.field(), SORTABLE.keySet()));
      }
    }
    JsonNode page = body == null ? null : body.get("page");
    String after = text(page, "after");
    String before = text(page, "before");
    if (after != null && before != null) {
      throw EngineException.invalid("Expected either page.after or page.before, not both");
    }
    return new UserTaskQuery(
        criteria,
        sortField,
        sortAndPage.descending(),
        sortAndPage.from(),
        sortAndPage.limit(),
        after,
        before);
  }

  /** Conditions on a plain string value (e.g. the variable name filter of a task). */
  static List<Criterion> stringCriteria(String name, JsonNode value) {
    return criteria(name, Field.NAME, value);
  }

  private static List<Criterion> criteria(String name, Field field, JsonNode value) {
    List<Criterion> result = new ArrayList<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (!value.isObject()) {
      result.add(new Criterion(field, Operator.EQ, List.of(typed(name, field, value))));
      return result;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> entry = operators.next();
      JsonNode operand = entry.getValue();
      if (operand == null || operand.isNull()) {
        continue;
      }
      switch (entry.getKey()) {
        case "$eq" -> result.add(single(name, field, Operator.EQ, operand));
        case "$neq" -> result.add(single(name, field, Operator.NEQ, operand));
        case "$like" -> result.add(single(name, field, Operator.LIKE, operand));
        case "$gt" -> result.add(single(name, field, Operator.GT, operand));
        case "$gte" -> result.add(single(name, field, Operator.GTE, operand));
        case "$lt" -> result.add(single(name, field, Operator.LT, operand));
        case "$lte" -> result.add(single(name, field, Operator.LTE, operand));
        case "$exists" -> {
          if (!operand.isBoolean()) {
            throw EngineException.invalid(
                "Expected filter '%s.$exists' to be a boolean".formatted(name));
          }
          result.add(
              new Criterion(
                  field,
                  operand.booleanValue() ? Operator.EXISTS : Operator.NOT_EXISTS,
                  List.of()));
        }
        case "$in", "$notIn" -> {
          if (!operand.isArray()) {
            throw EngineException.invalid(
                "Expected filter '%s.%s' to be an array".formatted(name, entry.getKey()));
          }
          if (!operand.isEmpty()) {
            List<Object> values = new ArrayList<>();
            operand.forEach(v -> values.add(typed(name, field, v)));
            result.add(
                new Criterion(
                    field, "$in".equals(entry.getKey()) ? Operator.IN : Operator.NOT_IN, values));
          }
        }
        default ->
            throw EngineException.invalid(
                "Filter operator '%s' of '%s' is not supported".formatted(entry.getKey(), name));
      }
    }
    return result;
  }

  private static Criterion single(String name, Field field, Operator operator, JsonNode operand) {
    if (operator == Operator.LIKE) {
      return new Criterion(field, operator, List.of(operand.asText()));
    }
    return new Criterion(field, operator, List.of(typed(name, field, operand)));
  }

  private static Object typed(String name, Field field, JsonNode value) {
    String text = value.asText();
    return switch (field.type()) {
      case TEXT, STATE, TEXT_ARRAY -> text;
      case NUMBER -> {
        try {
          long number = Long.parseLong(text.strip());
          yield field == Field.PRIORITY ? (Object) (int) number : (Object) number;
        } catch (NumberFormatException e) {
          throw EngineException.invalid(
              "Expected filter '%s' to be a number, but was '%s'".formatted(name, text));
        }
      }
      case DATE -> {
        try {
          yield OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
          throw EngineException.invalid(
              "Expected filter '%s' to be an ISO 8601 date-time, but was '%s'"
                  .formatted(name, text));
        }
      }
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
