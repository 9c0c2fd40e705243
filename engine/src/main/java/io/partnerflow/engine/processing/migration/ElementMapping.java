package io.partnerflow.engine.processing.migration;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.MigrationRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, before anything changes, which element of the target definition each active element
 * instance becomes, and refuses the migration (400 naming the element) when one cannot be migrated:
 * no mapping instruction for it, a target of another kind or in another flow scope, or an element
 * this engine does not migrate (multi-instance, event sub-process, event-based gateway, one whose
 * listeners are running, tokens waiting at a join). Instructions for elements that are not active
 * are checked for existence and otherwise ignored, as in Camunda.
 */
final class ElementMapping {

  private final long processInstanceKey;
  private final ExecutableProcess source;
  private final ExecutableProcess target;
  private final Map<String, String> instructions;
  private final MigrationRepository repository;

  ElementMapping(
      long processInstanceKey,
      ExecutableProcess source,
      ExecutableProcess target,
      Map<String, String> instructions,
      MigrationRepository repository) {
    this.processInstanceKey = processInstanceKey;
    this.source = source;
    this.target = target;
    this.instructions = instructions;
    this.repository = repository;
  }

  /** The instance's active elements, outermost first (the process itself first), mapped. */
  List<MigratedElement> map(List<ElementInstanceRecord> activeOutermostFirst) {
    checkInstructions();
    List<String> joins = repository.waitingJoins(processInstanceKey);
    if (!joins.isEmpty()) {
      throw rejected(
          "tokens wait at the joining gateway '%s'; this engine migrates no waiting join"
              .formatted(joins.get(0)));
    }
    Map<Long, ExecutableElement> targets = new HashMap<>();
    List<MigratedElement> mapped = new ArrayList<>();
    for (ElementInstanceRecord instance : activeOutermostFirst) {
      ExecutableElement from = source.element(instance.elementId(), instance.elementType());
      ExecutableElement to;
      if (instance.flowScopeKey() == null) {
        to = target.process();
      } else {
        checkSupported(from, "active element");
        to = mappedTarget(from);
        ExecutableElement scopeTarget = targets.get(instance.flowScopeKey());
        String expectedScope = scopeTarget == null ? null : scopeTarget.id();
        if (!Objects.equals(to.flowScopeId(), expectedScope)) {
          throw rejected(
              ("active element with id '%s' is mapped to element with id '%s' that has a different"
                      + " flow scope: expected '%s' (the target of its flow scope '%s') but was"
                      + " '%s'. The flow scope of an element cannot change.")
                  .formatted(
                      from.id(), to.id(), expectedScope, from.flowScopeId(), to.flowScopeId()));
        }
      }
      checkNotBusy(instance, from);
      targets.put(instance.key(), to);
      mapped.add(new MigratedElement(instance, from, to));
    }
    return mapped;
  }

  private void checkInstructions() {
    for (Map.Entry<String, String> instruction : instructions.entrySet()) {
      if (!source.elements().containsKey(instruction.getKey())) {
        throw rejected(
            "mapping instructions contain a non-existing source element id '%s'"
                .formatted(instruction.getKey()));
      }
      if (!target.elements().containsKey(instruction.getValue())) {
        throw rejected(
            "mapping instructions contain a non-existing target element id '%s'"
                .formatted(instruction.getValue()));
      }
    }
  }

  private ExecutableElement mappedTarget(ExecutableElement from) {
    String targetId = instructions.get(from.id());
    if (targetId == null) {
      throw rejected(
          ("no mapping instruction defined for active element with id '%s'. Elements cannot be"
                  + " migrated without a mapping.")
              .formatted(from.id()));
    }
    ExecutableElement to = target.element(targetId);
    checkSupported(to, "target element");
    if (to.kind() != from.kind()) {
      throw rejected(
          ("active element with id '%s' and type '%s' is mapped to an element with id '%s' and"
                  + " different type '%s'. Elements must be mapped to elements of the same type.")
              .formatted(from.id(), describe(from), to.id(), describe(to)));
    }
    return to;
  }

  /** What this engine does not migrate; the element or one of its flow scopes is named. */
  private void checkSupported(ExecutableElement element, String role) {
    for (ExecutableElement e = element; e != null; e = e.flowScope()) {
      String why =
          switch (e.kind()) {
            case MULTI_INSTANCE_BODY -> "a multi-instance activity";
            case EVENT_SUB_PROCESS -> "an event sub-process";
            case EVENT_BASED_GATEWAY -> "an event-based gateway";
            default -> null;
          };
      if (why != null) {
        String where = e == element ? "is" : "lies inside '%s', which is".formatted(e.id());
        throw rejected(
            "%s with id '%s' %s %s, which this engine does not migrate"
                .formatted(role, element.id(), where, why));
      }
    }
  }

  /** An element whose listeners are running is in the middle of a transition: not migrated. */
  private void checkNotBusy(ElementInstanceRecord instance, ExecutableElement from) {
    if (repository.hasOpenListenerJob(instance.key())
        || repository.hasUserTaskTransition(instance.key())) {
      throw rejected(
          ("active element with id '%s' waits for its listeners (execution or task listener"
                  + " jobs); migrate it once they have completed")
              .formatted(from.id()));
    }
  }

  private static String describe(ExecutableElement element) {
    ElementKind kind = element.kind();
    String type = kind.bpmnElementType();
    return type.equals(kind.name()) ? type : "%s (%s)".formatted(type, kind.name());
  }

  private EngineException rejected(String detail) {
    return rejected(processInstanceKey, detail);
  }

  static EngineException rejected(long processInstanceKey, String detail) {
    return EngineException.invalid(
        "Expected to migrate process instance '%d' but %s".formatted(processInstanceKey, detail));
  }
}
