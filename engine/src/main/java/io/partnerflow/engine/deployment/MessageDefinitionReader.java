package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.partnerflow.engine.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * bpmn:message name and zeebe:subscription correlationKey of message catch events and receive
 * tasks.
 */
@Component
class MessageDefinitionReader implements ElementSettingsReader<MessageDefinition> {

  @Override
  public Class<MessageDefinition> type() {
    return MessageDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.INTERMEDIATE_MESSAGE_CATCH_EVENT
        || kind == ElementKind.RECEIVE_TASK
        || kind == ElementKind.BOUNDARY_MESSAGE_EVENT
        || kind == ElementKind.EVENT_SUB_PROCESS_MESSAGE_START_EVENT;
  }

  @Override
  public MessageDefinition read(FlowNode node, DeploymentProblems problems) {
    Message message = message(node);
    if (message == null) {
      problems.add(node, "Element '%s' must reference a message".formatted(node.getId()));
      return null;
    }
    if (message.getName() == null || message.getName().isBlank()) {
      problems.add(node, "Message '%s' must have a name".formatted(message.getId()));
      return null;
    }
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    if (subscription == null
        || subscription.getCorrelationKey() == null
        || subscription.getCorrelationKey().isBlank()) {
      problems.add(
          node,
          "Message '%s' must have a zeebe:subscription with a correlationKey"
              .formatted(message.getId()));
      return null;
    }
    return new MessageDefinition(
        problems.checked(node, Expression.of(message.getName())),
        problems.checked(node, Expression.of(subscription.getCorrelationKey())));
  }

  private static Message message(FlowNode node) {
    if (node instanceof ReceiveTask task) {
      return task.getMessage();
    }
    if (node instanceof CatchEvent event) {
      return event.getEventDefinitions().stream()
          .filter(MessageEventDefinition.class::isInstance)
          .map(d -> ((MessageEventDefinition) d).getMessage())
          .findFirst()
          .orElse(null);
    }
    return null;
  }
}
