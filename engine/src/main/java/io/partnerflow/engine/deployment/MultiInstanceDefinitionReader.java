package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.CompletionCondition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.LoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.partnerflow.engine.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * Reads the multi-instance marker of an activity; the transformer then wraps the activity in a
 * multi-instance body. Standard loops and BPMN's own cardinality/data references are rejected
 * (Camunda 8 executes neither).
 */
@Component
class MultiInstanceDefinitionReader implements ElementSettingsReader<MultiInstanceDefinition> {

  private static final String STANDARD_LOOP = "standardLoopCharacteristics";

  @Override
  public Class<MultiInstanceDefinition> type() {
    return MultiInstanceDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return node instanceof Activity activity
        && (activity.getLoopCharacteristics() != null || hasStandardLoop(activity));
  }

  @Override
  public MultiInstanceDefinition read(FlowNode node, DeploymentProblems problems) {
    LoopCharacteristics loop = ((Activity) node).getLoopCharacteristics();
    String type = ElementClassifier.describe(node);
    if (!(loop instanceof MultiInstanceLoopCharacteristics multiInstance)) {
      problems.add(
          node,
          "Element '%s' of type '%s' has standardLoopCharacteristics, which the embedded engine"
                  .formatted(node.getId(), type)
              + " does not support (only multiInstanceLoopCharacteristics)");
      return null;
    }
    if (multiInstance.getLoopCardinality() != null) {
      problems.add(
          node,
          "Element '%s' of type '%s' has a loopCardinality, which the embedded engine does not"
                  .formatted(node.getId(), type)
              + " support (use zeebe:loopCharacteristics inputCollection)");
      return null;
    }
    if (node instanceof SubProcess subProcess && subProcess.triggeredByEvent()) {
      problems.add(
          node,
          "Element '%s' of type '%s' is an event sub-process and cannot be multi-instance"
              .formatted(node.getId(), type));
      return null;
    }
    ZeebeLoopCharacteristics zeebe =
        multiInstance.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || isBlank(zeebe.getInputCollection())) {
      problems.add(
          node,
          "Element '%s' of type '%s' is multi-instance without zeebe:loopCharacteristics"
                  .formatted(node.getId(), type)
              + " inputCollection");
      return null;
    }
    CompletionCondition completion = multiInstance.getCompletionCondition();
    String condition = completion == null ? null : completion.getTextContent();
    return new MultiInstanceDefinition(
        multiInstance.isSequential(),
        problems.checked(node, Expression.of(zeebe.getInputCollection())),
        blankToNull(zeebe.getInputElement()),
        blankToNull(zeebe.getOutputCollection()),
        isBlank(zeebe.getOutputElement())
            ? null
            : problems.checked(node, Expression.of(zeebe.getOutputElement())),
        isBlank(condition) ? null : problems.checked(node, Expression.of(condition)));
  }

  /**
   * The Zeebe model has no type for a standard loop: it is not a LoopCharacteristics there, only a
   * child element in the XML, which would otherwise be ignored.
   */
  private static boolean hasStandardLoop(Activity activity) {
    return activity.getDomElement().getChildElements().stream()
        .anyMatch(
            child ->
                STANDARD_LOOP.equals(child.getLocalName())
                    && BpmnModelConstants.BPMN20_NS.equals(child.getNamespaceURI()));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
