package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the console records in the audit log: who changed which instance, before and after. The
 * engine's change cannot share a transaction with the log, so an entry is written once the engine
 * has accepted the change (never for a change it refused). The instance's {@code partnerId}
 * variable, when it has one, links the entry to the partner.
 */
@Component
class MonitoringAudit {

  private final AuditLog log;
  private final CamundaClient client;

  MonitoringAudit(AuditLog log, CamundaClient client) {
    this.log = log;
    this.client = client;
  }

  void cancelled(long instanceKey) {
    log.record(
        AuditAction.INSTANCE_CANCELLED,
        AuditSubject.processInstance(instanceKey, partnerOf(instanceKey)),
        Map.of("state", "ACTIVE"),
        Map.of("state", "TERMINATED"));
  }

  void variableChanged(long instanceKey, String name, String before, String after) {
    log.record(
        AuditAction.VARIABLE_CHANGED,
        AuditSubject.variable(name, instanceKey, partnerOf(instanceKey)),
        valueOf(before),
        valueOf(after));
  }

  void incidentRetried(long instanceKey, long incidentKey, String errorMessage) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("state", "ACTIVE");
    before.put("errorMessage", errorMessage);
    log.record(
        AuditAction.INCIDENT_RETRIED,
        AuditSubject.incident(incidentKey, instanceKey, partnerOf(instanceKey)),
        before,
        Map.of("state", "RESOLVED", "retries", InstanceOperationsService.RETRIES_ON_RETRY));
  }

  void migrated(
      long instanceKey,
      long sourceDefinitionKey,
      long targetDefinitionKey,
      Map<String, String> mapping) {
    log.record(
        AuditAction.INSTANCE_MIGRATED,
        AuditSubject.processInstance(instanceKey, partnerOf(instanceKey)),
        Map.of("processDefinitionKey", String.valueOf(sourceDefinitionKey)),
        Map.of("processDefinitionKey", String.valueOf(targetDefinitionKey), "mapping", mapping));
  }

  /** The variable's JSON text as the log keeps it: a value under "value". */
  private static Map<String, Object> valueOf(String json) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", json);
    return value;
  }

  private Long partnerOf(long instanceKey) {
    try {
      List<Variable> found =
          client
              .newVariableSearchRequest()
              .filter(filter -> filter.processInstanceKey(instanceKey).name("partnerId"))
              .page(page -> page.limit(1))
              .send()
              .join()
              .items();
      return found.isEmpty() ? null : Long.valueOf(found.get(0).getValue().replace("\"", ""));
    } catch (RuntimeException e) {
      return null; // the link is a convenience; the entry is written without it
    }
  }
}
