package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.partnerflow.engine.expression.Expression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a BPMN process into an {@link ExecutableProcess}: the generic graph (elements, flows,
 * scopes, mappings, default flows) here, kind-specific settings through the {@link
 * ElementSettingsReader}s. Anything the engine would not execute as modelled is reported as a
 * problem naming the element id and type, never silently dropped.
 */
@Component
public class BpmnTransformer {

  private final SupportedElements supported;
  private final List<ElementSettingsReader<?>> readers;

  public BpmnTransformer(SupportedElements supported, List<ElementSettingsReader<?>> readers) {
    this.supported = supported;
    this.readers = readers;
  }

  ExecutableProcess transform(Process process, DeploymentProblems problems) {
    Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    Map<String, ExecutableSequenceFlow> flows = new LinkedHashMap<>();
    ExecutableElement root =
        new ExecutableElement(process.getId(), process.getName(), ElementKind.PROCESS, null);
    elements.put(root.id(), root);
    putListeners(
        root, ExecutionListenersReader.read(process, ElementKind.PROCESS, false, problems));
    addScope(root, process.getFlowElements(), elements, flows, problems);
    for (ExecutableElement element : elements.values()) {
      BoundaryEventDefinition boundary = element.settings(BoundaryEventDefinition.class);
      ExecutableElement host = boundary == null ? null : elements.get(boundary.attachedToId());
      if (host != null) {
        host.addBoundaryEvent(element.id());
      }
      if (isJoiningGateway(element)) {
        element.flowScope().markJoiningGateway();
      }
    }
    String startFormId =
        root.noneStartEventId() == null ? null : startFormId(process, root.noneStartEventId());
    ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
    return new ExecutableProcess(
        process.getId(),
        process.getName(),
        versionTag == null ? null : versionTag.getValue(),
        startFormId,
        Map.copyOf(elements),
        Map.copyOf(flows));
  }

  private void addScope(
      ExecutableElement scope,
      Collection<FlowElement> children,
      Map<String, ExecutableElement> elements,
      Map<String, ExecutableSequenceFlow> flows,
      DeploymentProblems problems) {
    List<SequenceFlow> sequenceFlows = new ArrayList<>();
    for (FlowElement child : children) {
      if (child instanceof SequenceFlow flow) {
        sequenceFlows.add(flow);
      } else if (child instanceof FlowNode node) {
        addNode(scope, node, elements, flows, problems);
      }
      // data objects and data store references carry no behaviour
    }
    for (SequenceFlow flow : sequenceFlows) {
      ExecutableSequenceFlow executable =
          new ExecutableSequenceFlow(
              flow.getId(),
              flow.getSource().getId(),
              flow.getTarget().getId(),
              condition(flow, problems));
      flows.put(flow.getId(), executable);
      ExecutableElement source = elements.get(executable.sourceId());
      ExecutableElement target = elements.get(executable.targetId());
      if (source != null && target != null) {
        source.addOutgoing(executable);
        target.addIncoming(executable);
      }
    }
  }

  private void addNode(
      ExecutableElement scope,
      FlowNode node,
      Map<String, ExecutableElement> elements,
      Map<String, ExecutableSequenceFlow> flows,
      DeploymentProblems problems) {
    ElementKind kind = ElementClassifier.classify(node).orElse(null);
    if (kind == ElementKind.JOB_USER_TASK) {
      problems.add(node, unsupported(node, UserTaskDefinition.JOB_BASED_REJECTION));
      return;
    }
    if (kind == null || !supported.supports(kind)) {
      problems.add(node, unsupported(node, "is not supported by the embedded engine"));
      return;
    }
    ExecutableElement element =
        new ExecutableElement(node.getId(), node.getName(), kind, scope.id());
    putListeners(
        element, ExecutionListenersReader.read(node, kind, afterEventBasedGateway(node), problems));
    element.setFlowScope(scope);
    elements.put(element.id(), element);
    if (kind == ElementKind.NONE_START_EVENT) {
      scope.setNoneStartEventId(element.id());
    }
    if (kind == ElementKind.EVENT_SUB_PROCESS) {
      scope.addEventSubProcess(element.id());
    }
    if (EventSubProcessStartReader.KINDS.contains(kind)) {
      scope.setEventStartEventId(element.id());
    }
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io != null) {
      element.setInputMappings(mappings(node, io.getInputs(), problems));
      element.setOutputMappings(mappings(node, io.getOutputs(), problems));
    }
    if (node instanceof ExclusiveGateway gateway && gateway.getDefault() != null) {
      element.setDefaultFlowId(gateway.getDefault().getId());
    }
    if (node instanceof InclusiveGateway gateway && gateway.getDefault() != null) {
      element.setDefaultFlowId(gateway.getDefault().getId());
    }
    for (ElementSettingsReader<?> reader : readers) {
      if (reader.appliesTo(kind, node)) {
        attach(element, reader, node, problems);
      }
    }
    if (element.settings(MultiInstanceDefinition.class) != null) {
      elements.put(element.id(), multiInstanceBody(scope, element));
    }
    if (node instanceof SubProcess subProcess) {
      addScope(element, subProcess.getFlowElements(), elements, flows, problems);
    }
  }

  /**
   * Wraps a multi-instance activity, as Zeebe does: the body takes the activity's place in its
   * scope (flows and boundary events attach to it), the activity becomes the body's inner activity.
   */
  private static ExecutableElement multiInstanceBody(
      ExecutableElement scope, ExecutableElement activity) {
    ExecutableElement body =
        new ExecutableElement(
            activity.id(), activity.name(), ElementKind.MULTI_INSTANCE_BODY, scope.id());
    body.setFlowScope(scope);
    body.putSettings(
        MultiInstanceDefinition.class, activity.settings(MultiInstanceDefinition.class));
    body.setInnerActivity(activity);
    activity.setFlowScope(body);
    return body;
  }

  /** The gateways that hold tokens in join_token rows (see JoinBehavior and the processors). */
  private static boolean isJoiningGateway(ExecutableElement element) {
    return (element.kind() == ElementKind.PARALLEL_GATEWAY
            || element.kind() == ElementKind.INCLUSIVE_GATEWAY)
        && element.incoming().size() > 1;
  }

  private static <S> void attach(
      ExecutableElement element,
      ElementSettingsReader<S> reader,
      FlowNode node,
      DeploymentProblems problems) {
    S settings = reader.read(node, problems);
    if (settings != null) {
      element.putSettings(reader.type(), settings);
    }
  }

  private static List<Mapping> mappings(
      FlowNode node, Collection<? extends ZeebeMapping> mappings, DeploymentProblems problems) {
    List<Mapping> result = new ArrayList<>();
    for (ZeebeMapping mapping : mappings) {
      Expression source = problems.checked(node, Expression.feel(mapping.getSource()));
      result.add(new Mapping(source, mapping.getTarget()));
    }
    return result;
  }

  private static Expression condition(SequenceFlow flow, DeploymentProblems problems) {
    ConditionExpression condition = flow.getConditionExpression();
    if (condition == null || condition.getTextContent() == null) {
      return null;
    }
    return problems.checked(flow, Expression.feel(condition.getTextContent()));
  }

  private static String startFormId(Process process, String startEventId) {
    StartEvent start = process.getModelInstance().getModelElementById(startEventId);
    ZeebeFormDefinition form = start.getSingleExtensionElement(ZeebeFormDefinition.class);
    return form == null ? null : form.getFormId();
  }

  private static void putListeners(ExecutableElement element, ExecutionListeners listeners) {
    if (listeners != null) {
      element.putSettings(ExecutionListeners.class, listeners);
    }
  }

  private static boolean afterEventBasedGateway(FlowNode node) {
    return node.getIncoming().stream()
        .anyMatch(flow -> flow.getSource() instanceof EventBasedGateway);
  }

  private static String unsupported(FlowNode node, String reason) {
    return "Element '%s' of type '%s' %s"
        .formatted(node.getId(), ElementClassifier.describe(node), reason);
  }
}
