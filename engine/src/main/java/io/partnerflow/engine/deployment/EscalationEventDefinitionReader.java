package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Escalation;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.partnerflow.engine.expression.Expression;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * escalationRef/escalationCode of escalation events. The Zeebe validators already require a code on
 * throw events and refuse expressions on catch events; a catch event without a code catches every
 * escalation.
 */
@Component
class EscalationEventDefinitionReader implements ElementSettingsReader<EscalationDefinition> {

  static final Set<ElementKind> KINDS =
      Set.of(
          ElementKind.INTERMEDIATE_ESCALATION_THROW_EVENT,
          ElementKind.ESCALATION_END_EVENT,
          ElementKind.BOUNDARY_ESCALATION_EVENT,
          ElementKind.EVENT_SUB_PROCESS_ESCALATION_START_EVENT);

  @Override
  public Class<EscalationDefinition> type() {
    return EscalationDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return KINDS.contains(kind);
  }

  @Override
  public EscalationDefinition read(FlowNode node, DeploymentProblems problems) {
    Collection<EventDefinition> definitions =
        node instanceof ThrowEvent throwEvent
            ? throwEvent.getEventDefinitions()
            : ((CatchEvent) node).getEventDefinitions();
    Escalation escalation =
        definitions.stream()
            .filter(EscalationEventDefinition.class::isInstance)
            .findFirst()
            .map(d -> ((EscalationEventDefinition) d).getEscalation())
            .orElse(null);
    String code = escalation == null ? null : escalation.getEscalationCode();
    boolean blank = code == null || code.isBlank();
    if (node instanceof ThrowEvent) {
      if (blank) {
        problems.add(
            node,
            "Escalation throw event '%s' must reference an escalation with an escalationCode"
                .formatted(node.getId()));
        return null;
      }
      return new EscalationDefinition(problems.checked(node, Expression.of(code)));
    }
    if (blank) {
      return new EscalationDefinition(null);
    }
    Expression expression = Expression.of(code);
    if (expression.feel()) {
      problems.add(
          node,
          "Escalation catch event '%s' has the escalationCode expression '%s'; it must be static"
              .formatted(node.getId(), code));
      return null;
    }
    return new EscalationDefinition(expression);
  }
}
