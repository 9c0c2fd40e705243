package io.partnerflow.engine.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.engine.problem.EngineException;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Reads a Camunda Form (form-js JSON): it must be a JSON object with a string {@code id}. */
@Component
public class FormResourceParser {

  private final ObjectMapper mapper = new ObjectMapper();

  public String formId(String resourceName, byte[] content) {
    JsonNode form;
    try {
      form = mapper.readTree(content);
    } catch (IOException e) {
      throw EngineException.invalid(
          "Expected resource '%s' to be a form (JSON), but it is not valid JSON: %s"
              .formatted(resourceName, e.getMessage().lines().findFirst().orElse("")));
    }
    JsonNode id = form == null ? null : form.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw EngineException.invalid(
          "Expected form '%s' to have a non-empty string property 'id'".formatted(resourceName));
    }
    return id.asText();
  }
}
