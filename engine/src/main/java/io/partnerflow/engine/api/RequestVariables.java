package io.partnerflow.engine.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.engine.problem.EngineException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads a request's {@code variables}: a JSON object, anything else is a 400. */
@Component
class RequestVariables {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  Map<String, Object> required(JsonNode variables) {
    if (variables == null || variables.isNull()) {
      throw EngineException.invalid("Expected 'variables' to be a JSON object, but none given");
    }
    if (!variables.isObject()) {
      throw EngineException.invalid(
          "Expected 'variables' to be a JSON object, but was %s"
              .formatted(variables.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return mapper.convertValue(variables, MAP);
  }
}
