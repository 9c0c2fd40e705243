package io.partnerflow.app.monitoring;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.partnerflow.app.modeling.ProcessStepNames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The names the console shows for a process's elements. In Chinese they are the step names of
 * {@code bpmn/i18n} (where a step has one); in English the deployed model's own names, so an
 * operator sees the name they just gave a task in the modeler.
 */
public final class DiagramNames {

  private DiagramNames() {}

  /** The element's name for the reader; its id when it has none. */
  public static String step(String processId, String elementId, String modelName, Locale locale) {
    if (translates(locale)) {
      return ProcessStepNames.step(processId, elementId, modelName, locale);
    }
    return modelName == null || modelName.isBlank() ? elementId : modelName;
  }

  /**
   * The model with its elements renamed for the reader; ids, flows and layout unchanged. Elements
   * without a translation keep their names, unnamed ones stay unnamed.
   */
  public static String translated(String bpmnXml, String processId, Locale locale) {
    if (!translates(locale) || bpmnXml == null || bpmnXml.isBlank()) {
      return bpmnXml;
    }
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      String name = ProcessStepNames.step(processId, id, null, locale);
      if (id != null && !name.equals(id)) {
        element.setName(name);
      }
    }
    return Bpmn.convertToString(model);
  }

  private static boolean translates(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }
}
