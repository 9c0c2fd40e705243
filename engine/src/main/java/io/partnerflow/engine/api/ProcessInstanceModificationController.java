package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerflow.engine.command.ModifyProcessInstanceCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.ModificationActivation;
import io.partnerflow.engine.processing.ModificationActivation.ScopedVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /v2/process-instances/{key}/modification (client {@code newModifyProcessInstanceCommand}):
 * {@code activateInstructions [{elementId, ancestorElementInstanceKey ("-1": none),
 * variableInstructions [{variables, scopeId ("": the process instance)}]}], terminateInstructions
 * [{elementInstanceKey}]} → 204.
 */
@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceModificationController {

  private final ModifyProcessInstanceCommand modify;
  private final RequestVariables requestVariables;

  ProcessInstanceModificationController(
      ModifyProcessInstanceCommand modify, RequestVariables requestVariables) {
    this.modify = modify;
    this.requestVariables = requestVariables;
  }

  @PostMapping("/{key}/modification")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void modify(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
    if (body == null || !body.isObject()) {
      throw EngineException.invalid("Expected a JSON object with modification instructions");
    }
    if (body.hasNonNull("moveInstructions") && !body.get("moveInstructions").isEmpty()) {
      // Camunda 8.9's move instructions: refused rather than silently ignored
      throw EngineException.invalid(
          "Move instructions are not supported; send activate and terminate instructions");
    }
    List<ModificationActivation> activations = new ArrayList<>();
    for (JsonNode instruction : array(body, "activateInstructions")) {
      activations.add(activation(instruction));
    }
    List<Long> terminations = new ArrayList<>();
    for (JsonNode instruction : array(body, "terminateInstructions")) {
      Long elementInstanceKey = key(instruction, "elementInstanceKey");
      if (elementInstanceKey == null) {
        throw EngineException.invalid("Expected a terminate instruction's elementInstanceKey");
      }
      terminations.add(elementInstanceKey);
    }
    modify.execute(key, activations, terminations);
  }

  private ModificationActivation activation(JsonNode instruction) {
    JsonNode elementId = instruction.get("elementId");
    if (elementId == null || !elementId.isTextual() || elementId.asText().isBlank()) {
      throw EngineException.invalid("Expected an activate instruction's elementId");
    }
    Long ancestor = key(instruction, "ancestorElementInstanceKey");
    List<ScopedVariables> variables = new ArrayList<>();
    for (JsonNode variableInstruction : array(instruction, "variableInstructions")) {
      JsonNode scopeId = variableInstruction.get("scopeId");
      JsonNode values = variableInstruction.get("variables");
      Map<String, Object> map =
          values == null || values.isNull() ? Map.of() : requestVariables.required(values);
      String scope = scopeId == null || scopeId.isNull() ? "" : scopeId.asText();
      variables.add(new ScopedVariables(scope.isEmpty() ? null : scope, map));
    }
    return new ModificationActivation(
        elementId.asText(), ancestor == null || ancestor == -1 ? null : ancestor, variables);
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw EngineException.invalid("Expected '%s' to be an array".formatted(field));
    }
    return array;
  }

  private static Long key(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isIntegralNumber()
        ? Long.valueOf(value.asLong())
        : Keys.parse(field, value.asText());
  }
}
