package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a BPMN process into an {@link ExecutableProcess}. Anything the engine would not execute as
 * modelled is reported as a problem naming the element id and type, never silently dropped.
 */
@Component
public class BpmnTransformer {

  private final SupportedElements supported;
  private final FeelEvaluator feel;

  public BpmnTransformer(SupportedElements supported, FeelEvaluator feel) {
    this.supported = supported;
    this.feel = feel;
  }

  ExecutableProcess transform(Process process, List<String> problems) {
    Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    Map<String, ExecutableSequenceFlow> flows = new LinkedHashMap<>();
    ExecutableElement root =
        new ExecutableElement(process.getId(), process.getName(), ElementKind.PROCESS, null);
    elements.put(root.id(), root);
    checkListeners(process, problems);
    addScope(root, process.getFlowElements(), elements, flows, problems);
    ExecutableElement start =
        root.noneStartEventId() == null ? null : elements.get(root.noneStartEventId());
    String startFormId = start == null ? null : startFormId(process, start.id());
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
      List<String> problems) {
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
      Expression condition = condition(flow, problems);
      ExecutableSequenceFlow executable =
          new ExecutableSequenceFlow(
              flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), condition);
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
      List<String> problems) {
    ElementKind kind = ElementClassifier.classify(node).orElse(null);
    if (kind == null || !supported.supports(kind)) {
      problems.add(unsupported(node, "is not supported by the embedded engine"));
      return;
    }
    if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      problems.add(unsupported(node, "has multi-instance loop characteristics, not yet supported"));
    }
    checkListeners(node, problems);
    ExecutableElement element =
        new ExecutableElement(node.getId(), node.getName(), kind, scope.id());
    elements.put(element.id(), element);
    if (kind == ElementKind.NONE_START_EVENT) {
      scope.setNoneStartEventId(element.id());
    }
    ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io != null) {
      element.setInputMappings(mappings(node, io.getInputs(), problems));
      element.setOutputMappings(mappings(node, io.getOutputs(), problems));
    }
    ZeebeTaskDefinition task = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (task != null) {
      element.setJobDefinition(jobDefinition(node, task, problems));
    }
    if (node instanceof ExclusiveGateway gateway && gateway.getDefault() != null) {
      element.setDefaultFlowId(gateway.getDefault().getId());
    }
    if (node instanceof SubProcess subProcess) {
      addScope(element, subProcess.getFlowElements(), elements, flows, problems);
    }
  }

  private JobDefinition jobDefinition(
      FlowNode node, ZeebeTaskDefinition task, List<String> problems) {
    Expression type = checked(node, Expression.of(task.getType()), problems);
    String retriesAttribute =
        task.getRetries() == null ? ZeebeTaskDefinition.DEFAULT_RETRIES : task.getRetries();
    Expression retries = checked(node, Expression.of(retriesAttribute), problems);
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return new JobDefinition(type, retries, Map.copyOf(headers));
  }

  private List<Mapping> mappings(
      FlowNode node, Collection<? extends ZeebeMapping> mappings, List<String> problems) {
    List<Mapping> result = new ArrayList<>();
    for (ZeebeMapping mapping : mappings) {
      Expression source = checked(node, Expression.feel(mapping.getSource()), problems);
      result.add(new Mapping(source, mapping.getTarget()));
    }
    return result;
  }

  private Expression condition(SequenceFlow flow, List<String> problems) {
    ConditionExpression condition = flow.getConditionExpression();
    if (condition == null || condition.getTextContent() == null) {
      return null;
    }
    return checked(flow, Expression.feel(condition.getTextContent()), problems);
  }

  private Expression checked(BaseElement element, Expression expression, List<String> problems) {
    try {
      feel.check(expression);
    } catch (ExpressionException e) {
      problems.add("- Element: %s%n    - ERROR: %s".formatted(element.getId(), e.getMessage()));
    }
    return expression;
  }

  private static String startFormId(Process process, String startEventId) {
    StartEvent start = process.getModelInstance().getModelElementById(startEventId);
    ZeebeFormDefinition form = start.getSingleExtensionElement(ZeebeFormDefinition.class);
    return form == null ? null : form.getFormId();
  }

  /** Execution listeners would be ignored: reject rather than run the model differently. */
  private static void checkListeners(BaseElement element, List<String> problems) {
    ZeebeExecutionListeners listeners =
        element.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (listeners != null && !listeners.getExecutionListeners().isEmpty()) {
      problems.add(
          "- Element: %s%n    - ERROR: Element '%s' of type '%s' has execution listeners, which"
              + " the embedded engine does not support"
                  .formatted(
                      element.getId(), element.getId(), element.getElementType().getTypeName()));
    }
  }

  private static String unsupported(FlowNode node, String reason) {
    return "- Element: %s%n    - ERROR: Element '%s' of type '%s' %s"
        .formatted(node.getId(), node.getId(), ElementClassifier.describe(node), reason);
  }
}
