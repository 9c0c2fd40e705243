package io.partnerflow.app.monitoring;

import java.util.List;

/** Everything the instance page shows: the instance, its diagram, history, variables, incidents. */
public record InstanceDetails(
    InstanceSummary instance,
    String bpmnXml,
    List<ElementStep> history,
    List<VariableEntry> variables,
    List<IncidentEntry> incidents) {}
