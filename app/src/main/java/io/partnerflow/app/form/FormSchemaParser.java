package io.partnerflow.app.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads form-js JSON into a {@link FormSchema}. Tolerant of properties it does not use (form-js
 * adds new ones with every schema version); strict only about what it cannot work without.
 */
public final class FormSchemaParser {

  private static final Logger log = LoggerFactory.getLogger(FormSchemaParser.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  public FormSchema parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FormParseException("Not a form: malformed JSON", e);
    }
    if (root == null || !root.path("components").isArray()) {
      throw new FormParseException("Not a form: no components array", null);
    }
    String id = root.path("id").asText(null);
    return new FormSchema(id, components(root.path("components"), ""));
  }

  private List<FormComponent> components(JsonNode array, String parentPath) {
    List<FormComponent> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      result.add(component(array.get(i), parentPath + i));
    }
    return List.copyOf(result);
  }

  private FormComponent component(JsonNode node, String path) {
    String type = node.path("type").asText("");
    String key = node.path("key").asText(null);
    if (ComponentTypes.DYNAMICLIST.equals(type) && key == null) {
      // form-js binds a dynamic list by its path: here it is the variable holding the item list
      key = node.path("path").asText(null);
    }
    if (ComponentTypes.GROUP.equals(type) && node.hasNonNull("path")) {
      // nested data binding of groups is not supported: children bind to top-level keys
      log.warn("Form group '{}' has path '{}': its fields are bound flat", key, node.get("path"));
    }
    if (key != null && key.contains(".")) {
      // form-js binds "a.b" to a nested object; here the key is one flat variable name
      log.warn("Form field key '{}' contains a dot: bound as one flat variable", key);
    }
    return new FormComponent(
        path,
        type,
        node.path("id").asText(null),
        key,
        node.path("label").asText(null),
        node.path("description").asText(null),
        node.has("defaultValue") ? JSON.convertValue(node.get("defaultValue"), Object.class) : null,
        flag(node.get("readonly")),
        node.path("disabled").asBoolean(false),
        rules(node.path("validate"), key),
        node.path("conditional").path("hide").asText(null),
        staticOptions(node.path("values")),
        node.path("valuesKey").asText(null),
        node.path("valuesExpression").asText(null),
        components(node.path("components"), path + "."),
        node.isObject() ? node : JsonNodeFactory.instance.objectNode());
  }

  private static Flag flag(JsonNode node) {
    if (node == null || node.isNull()) {
      return Flag.FALSE;
    }
    if (node.isTextual() && node.asText().startsWith("=")) {
      return new Flag(false, node.asText());
    }
    return node.asBoolean(false) ? Flag.TRUE : Flag.FALSE;
  }

  private static List<FormOption> staticOptions(JsonNode values) {
    List<FormOption> options = new ArrayList<>();
    for (JsonNode value : values) {
      options.add(FormOption.from(JSON.convertValue(value, Object.class)));
    }
    return List.copyOf(options);
  }

  private static ValidationRules rules(JsonNode validate, String key) {
    if (!validate.isObject()) {
      return ValidationRules.NONE;
    }
    return new ValidationRules(
        validate.path("required").asBoolean(false),
        integer(validate.get("minLength"), key),
        integer(validate.get("maxLength"), key),
        decimal(validate.get("min"), key),
        decimal(validate.get("max"), key),
        validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
        validate.path("validationType").asText(null));
  }

  private static Integer integer(JsonNode node, String key) {
    BigDecimal value = decimal(node, key);
    return value == null ? null : value.intValue();
  }

  /** Limits given as FEEL expressions are not supported: they are ignored, with a warning. */
  private static BigDecimal decimal(JsonNode node, String key) {
    if (node == null || node.isNull() || node.asText().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(node.asText().trim());
    } catch (NumberFormatException e) {
      log.warn("Validation limit '{}' of form field '{}' is not a number: ignored", node, key);
      return null;
    }
  }
}
