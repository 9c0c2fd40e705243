package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/process-instances: creates an instance and runs it until all tokens wait. A process id
 * or key without a (non-deleted) definition is a 404, as in Camunda.
 */
@Component
public class CreateProcessInstanceCommand {

  /** By key, or by process id and version (null or -1: latest). */
  public record Request(
      Long processDefinitionKey,
      String bpmnProcessId,
      Integer version,
      Map<String, Object> variables) {}

  private final ProcessDefinitionRepository definitions;
  private final TokenMachine machine;

  public CreateProcessInstanceCommand(
      ProcessDefinitionRepository definitions, TokenMachine machine) {
    this.definitions = definitions;
    this.machine = machine;
  }

  @Transactional
  public ProcessInstanceRecord execute(Request request) {
    ProcessDefinitionRecord definition = resolve(request);
    if (!machine.hasNoneStartEvent(definition.key())) {
      throw EngineException.invalid(
          "Expected to create instance of process with none start event, but there is no such"
              + " event in process '%s'".formatted(definition.bpmnProcessId()));
    }
    Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
    return machine.createInstance(definition, variables);
  }

  private ProcessDefinitionRecord resolve(Request request) {
    if (request.processDefinitionKey() != null) {
      return definitions
          .findLive(request.processDefinitionKey())
          .orElseThrow(
              () -> EngineException.notFound("Process definition", request.processDefinitionKey()));
    }
    String id = request.bpmnProcessId();
    if (id == null || id.isBlank()) {
      throw EngineException.invalid(
          "Expected either processDefinitionKey or processDefinitionId, but neither given");
    }
    Integer version = request.version();
    if (version == null || version == -1) {
      return definitions
          .findLatest(id)
          .orElseThrow(
              () ->
                  EngineException.notFound(
                      "Expected to find process definition with process ID '%s', but none found"
                          .formatted(id)));
    }
    return definitions
        .findVersion(id, version)
        .orElseThrow(
            () ->
                EngineException.notFound(
                    "Expected to find process definition with process ID '%s' and version '%d',"
                            .formatted(id, version)
                        + " but none found"));
  }
}
