package io.partnerflow.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Variable values are stored as JSON text. The engine's own mapper keeps that independent of how
 * the app configures Jackson.
 */
@Component
public class JsonValues {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Value cannot be written as JSON: " + value, e);
    }
  }

  public Object read(String json) {
    try {
      return mapper.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored value is not JSON: " + json, e);
    }
  }

  public Map<String, Object> readObject(String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return mapper.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored value is not a JSON object: " + json, e);
    }
  }
}
