package io.partnerflow.app.monitoring;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the diagram marks: elements passed (completed), elements waiting (active), elements with an
 * open incident, and the sequence flows taken. The engine keeps no record of flows, so a flow
 * counts as taken when its source completed and its target was reached.
 */
public record DiagramMarkers(
    Set<String> completed, Set<String> active, Set<String> incidents, Set<String> takenFlows) {

  public static DiagramMarkers of(String xml, List<ElementStep> history, List<IncidentEntry> open) {
    Set<String> completed = new LinkedHashSet<>();
    Set<String> active = new LinkedHashSet<>();
    Set<String> reached = new LinkedHashSet<>();
    for (ElementStep step : history) {
      reached.add(step.elementId());
      if (step.completed()) {
        completed.add(step.elementId());
      } else if (step.active()) {
        active.add(step.elementId());
      }
    }
    Set<String> incidents = new LinkedHashSet<>();
    open.forEach(incident -> incidents.add(incident.elementId()));
    Set<String> taken = new LinkedHashSet<>();
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (completed.contains(flow.getSource().getId())
          && reached.contains(flow.getTarget().getId())) {
        taken.add(flow.getId());
      }
    }
    return new DiagramMarkers(completed, active, incidents, taken);
  }
}
