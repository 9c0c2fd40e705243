package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Maps a BPMN flow node to its {@link ElementKind}; empty for anything the engine cannot name. */
final class ElementClassifier {

  private ElementClassifier() {}

  static Optional<ElementKind> classify(FlowNode node) {
    String type = node.getElementType().getTypeName();
    String definition = eventDefinition(node);
    ElementKind kind =
        switch (type) {
          case "startEvent" ->
              inEventSubProcess(node)
                  ? byDefinition(
                      definition,
                      new Kinds(
                          null,
                          ElementKind.EVENT_SUB_PROCESS_MESSAGE_START_EVENT,
                          ElementKind.EVENT_SUB_PROCESS_TIMER_START_EVENT,
                          ElementKind.ERROR_START_EVENT,
                          ElementKind.EVENT_SUB_PROCESS_SIGNAL_START_EVENT,
                          ElementKind.EVENT_SUB_PROCESS_ESCALATION_START_EVENT))
                  : byDefinition(
                      definition,
                      new Kinds(
                          ElementKind.NONE_START_EVENT,
                          ElementKind.MESSAGE_START_EVENT,
                          ElementKind.TIMER_START_EVENT,
                          null,
                          ElementKind.SIGNAL_START_EVENT,
                          null));
          case "endEvent" ->
              switch (definition == null ? "" : definition) {
                case "" -> ElementKind.NONE_END_EVENT;
                case "errorEventDefinition" -> ElementKind.ERROR_END_EVENT;
                case "terminateEventDefinition" -> ElementKind.TERMINATE_END_EVENT;
                case "messageEventDefinition" -> ElementKind.MESSAGE_END_EVENT;
                case "signalEventDefinition" -> ElementKind.SIGNAL_END_EVENT;
                case "escalationEventDefinition" -> ElementKind.ESCALATION_END_EVENT;
                default -> null;
              };
          case "intermediateThrowEvent" ->
              switch (definition == null ? "" : definition) {
                case "" -> ElementKind.INTERMEDIATE_NONE_THROW_EVENT;
                case "messageEventDefinition" -> ElementKind.INTERMEDIATE_MESSAGE_THROW_EVENT;
                case "signalEventDefinition" -> ElementKind.INTERMEDIATE_SIGNAL_THROW_EVENT;
                case "escalationEventDefinition" -> ElementKind.INTERMEDIATE_ESCALATION_THROW_EVENT;
                default -> null;
              };
          case "intermediateCatchEvent" ->
              byDefinition(
                  definition,
                  new Kinds(
                      null,
                      ElementKind.INTERMEDIATE_MESSAGE_CATCH_EVENT,
                      ElementKind.INTERMEDIATE_TIMER_CATCH_EVENT,
                      null,
                      ElementKind.INTERMEDIATE_SIGNAL_CATCH_EVENT,
                      null));
          case "boundaryEvent" ->
              byDefinition(
                  definition,
                  new Kinds(
                      null,
                      ElementKind.BOUNDARY_MESSAGE_EVENT,
                      ElementKind.BOUNDARY_TIMER_EVENT,
                      ElementKind.BOUNDARY_ERROR_EVENT,
                      ElementKind.BOUNDARY_SIGNAL_EVENT,
                      ElementKind.BOUNDARY_ESCALATION_EVENT));
          case "serviceTask" -> ElementKind.SERVICE_TASK;
          case "sendTask" -> ElementKind.SEND_TASK;
          case "scriptTask" ->
              node.getSingleExtensionElement(ZeebeScript.class) != null
                  ? ElementKind.FEEL_SCRIPT_TASK
                  : ElementKind.SCRIPT_TASK;
          case "businessRuleTask" ->
              node.getSingleExtensionElement(ZeebeCalledDecision.class) != null
                  ? ElementKind.BUSINESS_RULE_TASK
                  : ElementKind.JOB_BUSINESS_RULE_TASK;
          case "userTask" ->
              node.getSingleExtensionElement(ZeebeUserTask.class) != null
                  ? ElementKind.USER_TASK
                  : ElementKind.JOB_USER_TASK;
          case "receiveTask" -> ElementKind.RECEIVE_TASK;
          case "manualTask" -> ElementKind.MANUAL_TASK;
          case "task" -> ElementKind.UNDEFINED_TASK;
          case "exclusiveGateway" -> ElementKind.EXCLUSIVE_GATEWAY;
          case "parallelGateway" -> ElementKind.PARALLEL_GATEWAY;
          case "inclusiveGateway" -> ElementKind.INCLUSIVE_GATEWAY;
          case "eventBasedGateway" -> ElementKind.EVENT_BASED_GATEWAY;
          case "subProcess" ->
              ((SubProcess) node).triggeredByEvent()
                  ? ElementKind.EVENT_SUB_PROCESS
                  : ElementKind.SUB_PROCESS;
          case "callActivity" -> ElementKind.CALL_ACTIVITY;
          default -> null;
        };
    return Optional.ofNullable(kind);
  }

  private static boolean inEventSubProcess(FlowNode node) {
    return node.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
  }

  /** "serviceTask", "intermediateCatchEvent (signalEventDefinition)", ... for error messages. */
  static String describe(FlowNode node) {
    String definition = eventDefinition(node);
    String type = node.getElementType().getTypeName();
    return definition == null ? type : type + " (" + definition + ")";
  }

  /** The kind of an event of one type for each event definition it may have (null: none). */
  private record Kinds(
      ElementKind none,
      ElementKind message,
      ElementKind timer,
      ElementKind error,
      ElementKind signal,
      ElementKind escalation) {}

  private static ElementKind byDefinition(String definition, Kinds kinds) {
    if (definition == null) {
      return kinds.none();
    }
    return switch (definition) {
      case "messageEventDefinition" -> kinds.message();
      case "timerEventDefinition" -> kinds.timer();
      case "errorEventDefinition" -> kinds.error();
      case "signalEventDefinition" -> kinds.signal();
      case "escalationEventDefinition" -> kinds.escalation();
      default -> null;
    };
  }

  /** The single event definition's type name, null when none, "multiple" when several. */
  private static String eventDefinition(FlowNode node) {
    Collection<EventDefinition> definitions = List.of();
    if (node instanceof CatchEvent catchEvent) {
      definitions = catchEvent.getEventDefinitions();
    } else if (node instanceof ThrowEvent throwEvent) {
      definitions = throwEvent.getEventDefinitions();
    }
    if (definitions.isEmpty()) {
      return null;
    }
    if (definitions.size() > 1) {
      return "multiple event definitions";
    }
    return definitions.iterator().next().getElementType().getTypeName();
  }
}
