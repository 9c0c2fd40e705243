package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.partnerflow.engine.expression.Expression;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The signal name of signal events (the Zeebe validators already require a named signal). A
 * process's signal start event is subscribed at deployment, with no variables to evaluate an
 * expression against, so only a static name is accepted there.
 */
@Component
class SignalDefinitionReader implements ElementSettingsReader<SignalDefinition> {

  static final Set<ElementKind> KINDS =
      Set.of(
          ElementKind.SIGNAL_START_EVENT,
          ElementKind.EVENT_SUB_PROCESS_SIGNAL_START_EVENT,
          ElementKind.INTERMEDIATE_SIGNAL_CATCH_EVENT,
          ElementKind.INTERMEDIATE_SIGNAL_THROW_EVENT,
          ElementKind.SIGNAL_END_EVENT,
          ElementKind.BOUNDARY_SIGNAL_EVENT);

  @Override
  public Class<SignalDefinition> type() {
    return SignalDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return KINDS.contains(kind);
  }

  @Override
  public SignalDefinition read(FlowNode node, DeploymentProblems problems) {
    Collection<EventDefinition> definitions =
        node instanceof ThrowEvent throwEvent
            ? throwEvent.getEventDefinitions()
            : ((CatchEvent) node).getEventDefinitions();
    Signal signal =
        definitions.stream()
            .filter(SignalEventDefinition.class::isInstance)
            .findFirst()
            .map(d -> ((SignalEventDefinition) d).getSignal())
            .orElse(null);
    if (signal == null || signal.getName() == null || signal.getName().isBlank()) {
      problems.add(node, "Signal event '%s' must reference a named signal".formatted(node.getId()));
      return null;
    }
    Expression name = Expression.of(signal.getName());
    boolean processStart =
        ElementClassifier.classify(node).orElse(null) == ElementKind.SIGNAL_START_EVENT;
    if (processStart && name.feel()) {
      problems.add(
          node,
          ("Signal start event '%s' has the signal name expression '%s'; the embedded engine"
                  + " supports static signal names on process start events only")
              .formatted(node.getId(), signal.getName()));
      return null;
    }
    return new SignalDefinition(problems.checked(node, name));
  }
}
