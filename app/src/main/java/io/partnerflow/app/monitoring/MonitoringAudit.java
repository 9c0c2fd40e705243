package io.partnerflow.app.monitoring;

import org.springframework.stereotype.Component;

/** What the console records in the audit log: who changed which instance, before and after. */
@Component
class MonitoringAudit {

  void cancelled(long instanceKey) {}

  void variableChanged(long instanceKey, String name, String before, String after) {}

  void incidentRetried(long instanceKey, long incidentKey, String errorMessage) {}

  void migrated(long instanceKey, long sourceDefinitionKey, long targetDefinitionKey) {}
}
