package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerflow.engine.command.MigrateProcessInstanceCommand;
import io.partnerflow.engine.problem.EngineException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /v2/process-instances/{key}/migration (client {@code newMigrateProcessInstanceCommand}):
 * {@code targetProcessDefinitionKey, mappingInstructions [{sourceElementId, targetElementId}],
 * operationReference (ignored)} → 204.
 */
@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceMigrationController {

  private final MigrateProcessInstanceCommand migrate;

  ProcessInstanceMigrationController(MigrateProcessInstanceCommand migrate) {
    this.migrate = migrate;
  }

  @PostMapping("/{key}/migration")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void migrate(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
    if (body == null || !body.isObject()) {
      throw EngineException.invalid("Expected a JSON object with a migration plan");
    }
    JsonNode targetKey = body.get("targetProcessDefinitionKey");
    Long target =
        targetKey == null || targetKey.isNull()
            ? null
            : targetKey.isIntegralNumber()
                ? Long.valueOf(targetKey.asLong())
                : Keys.parse("targetProcessDefinitionKey", targetKey.asText());
    if (target == null) {
      throw EngineException.invalid("Expected the migration plan's targetProcessDefinitionKey");
    }
    migrate.execute(key, target, instructions(body.get("mappingInstructions")));
  }

  /** Source element id → target element id; a source element may be mapped only once. */
  private static Map<String, String> instructions(JsonNode array) {
    Map<String, String> instructions = new LinkedHashMap<>();
    if (array == null || array.isNull()) {
      return instructions;
    }
    if (!array.isArray()) {
      throw EngineException.invalid("Expected 'mappingInstructions' to be an array");
    }
    for (JsonNode instruction : array) {
      String source = text(instruction, "sourceElementId");
      String target = text(instruction, "targetElementId");
      if (instructions.put(source, target) != null) {
        throw EngineException.invalid(
            ("Expected the migration plan to map each source element once, but it contains"
                    + " several mapping instructions for the source element '%s'")
                .formatted(source));
      }
    }
    return instructions;
  }

  private static String text(JsonNode instruction, String field) {
    JsonNode value = instruction == null ? null : instruction.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw EngineException.invalid("Expected a mapping instruction's %s".formatted(field));
    }
    return value.asText();
  }
}
