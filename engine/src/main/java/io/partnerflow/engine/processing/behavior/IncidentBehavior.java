package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.state.ElementInstanceRepository;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.IncidentAncestors;
import io.partnerflow.engine.state.IncidentRecord;
import io.partnerflow.engine.state.IncidentRepository;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import org.springframework.stereotype.Component;

/** Opens incidents: the element instance stays where it is until the incident is resolved. */
@Component
public class IncidentBehavior {

  public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";
  public static final String EXECUTION_LISTENER_NO_RETRIES = "EXECUTION_LISTENER_NO_RETRIES";
  public static final String TASK_LISTENER_NO_RETRIES = "TASK_LISTENER_NO_RETRIES";
  public static final String CONDITION_ERROR = "CONDITION_ERROR";
  public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";
  public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";
  public static final String CALLED_DECISION_ERROR = "CALLED_DECISION_ERROR";
  public static final String DECISION_EVALUATION_ERROR = "DECISION_EVALUATION_ERROR";
  public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";
  public static final String CALLED_ELEMENT_ERROR = "CALLED_ELEMENT_ERROR";

  private final IncidentRepository incidents;
  private final IncidentAncestors ancestors;
  private final ElementInstanceRepository elementInstances;
  private final KeyGenerator keys;
  private final EngineClock clock;

  public IncidentBehavior(
      IncidentRepository incidents,
      IncidentAncestors ancestors,
      ElementInstanceRepository elementInstances,
      KeyGenerator keys,
      EngineClock clock) {
    this.incidents = incidents;
    this.ancestors = ancestors;
    this.elementInstances = elementInstances;
    this.keys = keys;
    this.clock = clock;
  }

  public long raise(
      ProcessInstanceRecord processInstance,
      long elementInstanceKey,
      String elementId,
      String errorType,
      String errorMessage,
      Long jobKey) {
    long key = keys.next();
    incidents.insert(
        new IncidentRecord(
            key,
            processInstance.key(),
            elementInstanceKey,
            elementId,
            processInstance.processDefinitionKey(),
            processInstance.bpmnProcessId(),
            jobKey,
            errorType,
            errorMessage,
            IncidentRecord.ACTIVE,
            processInstance.tenantId()),
        clock.nowAtUtc());
    elementInstances.setIncident(elementInstanceKey, key);
    if (processInstance.isCalled()) {
      ancestors.record(key, processInstance.key());
    }
    return key;
  }

  /** The element instance ends (terminated or completed): its incidents no longer apply. */
  public void resolveForElement(long elementInstanceKey) {
    incidents.resolveForElement(elementInstanceKey);
  }

  /** Resolving this incident retries the element's completion (see ResolveIncidentCommand). */
  public void markRaisedOnCompletion(long incidentKey) {
    incidents.markRaisedOnCompletion(incidentKey);
  }
}
