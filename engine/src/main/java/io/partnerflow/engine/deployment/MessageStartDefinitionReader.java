package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * The message name of a message start event. It is subscribed at deployment, with no variables to
 * evaluate an expression against, so only a static name is accepted.
 */
@Component
class MessageStartDefinitionReader implements ElementSettingsReader<MessageStartDefinition> {

  @Override
  public Class<MessageStartDefinition> type() {
    return MessageStartDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.MESSAGE_START_EVENT;
  }

  @Override
  public MessageStartDefinition read(FlowNode node, DeploymentProblems problems) {
    Message message =
        ((StartEvent) node)
            .getEventDefinitions().stream()
                .filter(MessageEventDefinition.class::isInstance)
                .map(d -> ((MessageEventDefinition) d).getMessage())
                .findFirst()
                .orElse(null);
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      problems.add(
          node, "Message start event '%s' must reference a named message".formatted(node.getId()));
      return null;
    }
    if (message.getName().startsWith("=")) {
      problems.add(
          node,
          ("Message start event '%s' has the message name expression '%s'; the embedded engine"
                  + " supports static message names on start events only")
              .formatted(node.getId(), message.getName()));
      return null;
    }
    return new MessageStartDefinition(message.getName());
  }
}
