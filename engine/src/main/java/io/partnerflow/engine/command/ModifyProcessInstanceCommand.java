package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.ModificationActivation;
import io.partnerflow.engine.processing.ModificationActivation.ScopedVariables;
import io.partnerflow.engine.processing.ModificationRejected;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/process-instances/{key}/modification: activates elements and terminates element
 * instances in one atomic command, as Camunda 8 documents it (see {@code InstanceModification} for
 * what happens). Rejected with 400 — and nothing changed — when an instruction names an element
 * that does not exist or cannot be activated (a start event, a boundary event, an event after an
 * event-based gateway, an element inside a multi-instance activity, the process itself), an
 * ancestor or a terminated element instance that is not an active one of this instance, a variable
 * scope that is neither the element nor one of its flow scopes, or when the state makes it
 * ambiguous or would end a called instance.
 */
@Component
public class ModifyProcessInstanceCommand {

  private final ProcessInstanceRepository processInstances;
  private final ElementInstanceRepository elementInstances;
  private final ProcessGraphCache graphs;
  private final TokenMachine machine;

  public ModifyProcessInstanceCommand(
      ProcessInstanceRepository processInstances,
      ElementInstanceRepository elementInstances,
      ProcessGraphCache graphs,
      TokenMachine machine) {
    this.processInstances = processInstances;
    this.elementInstances = elementInstances;
    this.graphs = graphs;
    this.machine = machine;
  }

  @Transactional
  public void execute(
      long processInstanceKey, List<ModificationActivation> activations, List<Long> terminations) {
    ProcessInstanceRecord instance =
        processInstances
            .lock(processInstanceKey)
            .orElseThrow(() -> EngineException.notFound("Process instance", processInstanceKey));
    if (!instance.isActive()) {
      throw EngineException.invalidState(
          "Expected to modify an active process instance with key '%d', but it is %s"
              .formatted(processInstanceKey, instance.state()));
    }
    ExecutableProcess graph = graphs.get(instance.processDefinitionKey());
    for (ModificationActivation activation : activations) {
      checkActivation(instance, graph, activation);
    }
    for (long key : terminations) {
      checkTermination(instance, key);
    }
    try {
      machine.modify(instance, activations, terminations);
    } catch (ModificationRejected e) {
      throw EngineException.invalid(e.getMessage());
    }
  }

  private void checkActivation(
      ProcessInstanceRecord instance, ExecutableProcess graph, ModificationActivation activation) {
    String prefix =
        "Expected to modify instance of process '%s' but it contains one or more activate"
                .formatted(instance.bpmnProcessId())
            + " instructions";
    ExecutableElement element =
        activation.elementId() == null ? null : graph.elements().get(activation.elementId());
    if (element == null) {
      throw EngineException.invalid(
          "%s with an element that could not be found: '%s'"
              .formatted(prefix, activation.elementId()));
    }
    String unsupported = unsupported(graph, element);
    if (unsupported != null) {
      throw EngineException.invalid(
          "%s for an element that cannot be activated: '%s' (%s)"
              .formatted(prefix, element.id(), unsupported));
    }
    Set<String> scopeIds = new HashSet<>();
    scopeIds.add(element.id());
    for (ExecutableElement scope = element.flowScope(); scope != null; scope = scope.flowScope()) {
      scopeIds.add(scope.id());
    }
    Long ancestorKey = activation.ancestorElementInstanceKey();
    if (ancestorKey != null) {
      ElementInstanceRecord ancestor =
          elementInstances
              .find(ancestorKey)
              .filter(a -> a.processInstanceKey() == instance.key() && a.isActive())
              .orElseThrow(
                  () ->
                      EngineException.invalid(
                          ("%s with an ancestor scope key that does not exist, or is not in an"
                                  + " active state: '%d'")
                              .formatted(prefix, ancestorKey)));
      if (ancestor.elementId().equals(element.id()) || !scopeIds.contains(ancestor.elementId())) {
        throw EngineException.invalid(
            ("%s with an ancestor scope key that is not an ancestor of the element to activate:"
                    + " '%d' (%s)")
                .formatted(prefix, ancestorKey, element.id()));
      }
    }
    for (ScopedVariables variables : activation.variables()) {
      if (variables.scopeId() != null && !scopeIds.contains(variables.scopeId())) {
        throw EngineException.invalid(
            ("%s with a variable instruction for a scope that is neither the element to activate"
                    + " nor one of its flow scopes: '%s' (%s)")
                .formatted(prefix, variables.scopeId(), element.id()));
      }
    }
  }

  /** Why Camunda does not activate this element by modification; null when it does. */
  private static String unsupported(ExecutableProcess graph, ExecutableElement element) {
    String type = element.kind().bpmnElementType();
    if (element.kind() == ElementKind.PROCESS) {
      return "the process itself";
    }
    if ("START_EVENT".equals(type)) {
      return "a start event";
    }
    if ("BOUNDARY_EVENT".equals(type)) {
      return "a boundary event";
    }
    boolean afterEventBasedGateway =
        element.incoming().stream()
            .map(flow -> graph.elements().get(flow.sourceId()))
            .anyMatch(source -> source != null && source.kind() == ElementKind.EVENT_BASED_GATEWAY);
    if (afterEventBasedGateway) {
      return "an event that belongs to an event-based gateway";
    }
    for (ExecutableElement scope = element.flowScope(); scope != null; scope = scope.flowScope()) {
      if (scope.kind() == ElementKind.MULTI_INSTANCE_BODY) {
        return "an element inside the multi-instance activity '%s'".formatted(scope.id());
      }
    }
    return null;
  }

  private void checkTermination(ProcessInstanceRecord instance, long elementInstanceKey) {
    boolean active =
        elementInstances
            .find(elementInstanceKey)
            .filter(e -> e.processInstanceKey() == instance.key() && e.isActive())
            .isPresent();
    if (!active) {
      throw EngineException.invalid(
          ("Expected to modify instance of process '%s' but it contains one or more terminate"
                  + " instructions with an element instance that could not be found or is not"
                  + " active: '%d'")
              .formatted(instance.bpmnProcessId(), elementInstanceKey));
    }
  }
}
