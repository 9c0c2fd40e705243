package io.partnerflow.app.monitoring;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** Reads the flow nodes out of a deployed model's XML (for the migration's mapping). */
final class ModelElements {

  private ModelElements() {}

  static List<ModelElement> of(String xml) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return model.getModelElementsByType(FlowNode.class).stream()
        .map(
            node ->
                new ModelElement(node.getId(), node.getName(), node.getElementType().getTypeName()))
        .sorted(Comparator.comparing(ModelElement::id))
        .toList();
  }
}
