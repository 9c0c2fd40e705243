package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.FormResult;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.FormRepository;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /v2/process-definitions/{key}/form: the start form linked on the none start event
 * (zeebe:formDefinition formId), in its latest deployed version; 204 when the process has none.
 */
@RestController
@RequestMapping("/v2/process-definitions")
class ProcessDefinitionFormController {

  private final ProcessDefinitionRepository definitions;
  private final FormRepository forms;

  ProcessDefinitionFormController(ProcessDefinitionRepository definitions, FormRepository forms) {
    this.definitions = definitions;
    this.forms = forms;
  }

  @GetMapping("/{key}/form")
  ResponseEntity<FormResult> startForm(@PathVariable long key) {
    ProcessDefinitionRecord definition =
        definitions
            .findByKey(key)
            .orElseThrow(() -> EngineException.notFound("Process definition", key));
    if (definition.startFormId() == null) {
      return ResponseEntity.noContent().build();
    }
    return forms
        .findLatest(definition.startFormId())
        .map(form -> ResponseEntity.ok(UserTaskController.formResult(form)))
        .orElseThrow(
            () ->
                EngineException.notFound(
                    "The start form '%s' of process definition '%d' is not deployed"
                        .formatted(definition.startFormId(), key)));
  }
}
