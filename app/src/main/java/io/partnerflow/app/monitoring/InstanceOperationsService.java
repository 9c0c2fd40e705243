package io.partnerflow.app.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * What an administrator may change on a running instance: cancel it, set a variable, retry an
 * incident (give the failed job a retry, then resolve the incident) — one or many at a time.
 */
@Service
@Secured("ROLE_ADMIN")
public class InstanceOperationsService {

  /** The job gets one more attempt; a worker that fails again raises a new incident. */
  static final int RETRIES_ON_RETRY = 1;

  private final CamundaClient client;
  private final ObjectMapper json;
  private final MonitoringAudit audit;

  InstanceOperationsService(CamundaClient client, ObjectMapper json, MonitoringAudit audit) {
    this.client = client;
    this.json = json;
    this.audit = audit;
  }

  public IncidentPage openIncidents(int offset, int limit) {
    var response =
        client
            .newIncidentSearchRequest()
            .filter(filter -> filter.state(IncidentState.ACTIVE))
            .sort(sort -> sort.creationTime().desc())
            .page(page -> page.from(offset).limit(limit))
            .send()
            .join();
    List<IncidentEntry> items =
        response.items().stream().map(InstanceInspectionService::incident).toList();
    Long total = response.page().totalItems();
    return new IncidentPage(items, total == null ? items.size() : total);
  }

  /**
   * @throws MonitoringException when the instance is unknown or no longer running
   */
  public void cancel(long instanceKey) {
    try {
      client.newCancelInstanceCommand(instanceKey).send().join();
    } catch (ProblemException e) {
      throw refusal(e, "monitoring.error.cancelRefused");
    }
    audit.cancelled(instanceKey);
  }

  /**
   * Sets the variable in the scope it lives in, after checking the value is JSON.
   *
   * @throws MonitoringException {@code monitoring.error.invalidJson} with the parser's words, or
   *     when the engine refuses
   */
  public void setVariable(long instanceKey, long variableKey, String jsonValue) {
    Object value = parse(jsonValue);
    Variable current;
    try {
      current = client.newVariableGetRequest(variableKey).send().join();
    } catch (ProblemException e) {
      throw refusal(e, "monitoring.error.noSuchVariable");
    }
    if (current.getProcessInstanceKey() == null || current.getProcessInstanceKey() != instanceKey) {
      throw new MonitoringException("monitoring.error.noSuchVariable", null, null);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(current.getName(), value);
    try {
      client
          .newSetVariablesCommand(current.getScopeKey())
          .variables(variables)
          .local(true)
          .send()
          .join();
    } catch (ProblemException e) {
      throw refusal(e, "monitoring.error.variableRefused");
    }
    audit.variableChanged(instanceKey, current.getName(), current.getValue(), jsonValue.trim());
  }

  /** Retries one incident; the result says what happened instead of throwing. */
  public OperationResult retry(long incidentKey) {
    Incident incident;
    try {
      incident = client.newIncidentGetRequest(incidentKey).send().join();
    } catch (ProblemException e) {
      return OperationResult.failed(incidentKey, "monitoring.retry.unknown", e.getMessage());
    }
    if (incident.getState() != IncidentState.ACTIVE) {
      return OperationResult.failed(incidentKey, "monitoring.retry.notOpen", null);
    }
    try {
      if (incident.getJobKey() != null && incident.getJobKey() > 0) {
        client
            .newUpdateRetriesCommand(incident.getJobKey())
            .retries(RETRIES_ON_RETRY)
            .send()
            .join();
      }
      client.newResolveIncidentCommand(incidentKey).send().join();
    } catch (ProblemException | CompletionException e) {
      return OperationResult.failed(incidentKey, "monitoring.retry.failed", e.getMessage());
    }
    audit.incidentRetried(
        incident.getProcessInstanceKey(), incidentKey, incident.getErrorMessage());
    return OperationResult.ok(incidentKey, "monitoring.retry.done");
  }

  /** Retries each incident on its own; one that fails does not stop the others. */
  public List<OperationResult> retryAll(Collection<Long> incidentKeys) {
    List<OperationResult> results = new ArrayList<>();
    for (Long key : incidentKeys) {
      results.add(retry(key));
    }
    return results;
  }

  private Object parse(String jsonValue) {
    if (jsonValue == null || jsonValue.isBlank()) {
      throw new MonitoringException("monitoring.error.invalidJson", "empty", null);
    }
    try {
      return json.readerFor(Object.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readValue(jsonValue);
    } catch (JsonProcessingException e) {
      throw new MonitoringException("monitoring.error.invalidJson", e.getOriginalMessage(), e);
    }
  }

  private static MonitoringException refusal(ProblemException e, String messageKey) {
    if (e.code() == 404) {
      return new MonitoringException("monitoring.error.noSuchInstance", e.details().getDetail(), e);
    }
    return new MonitoringException(
        messageKey, e.details() == null ? e.getMessage() : e.details().getDetail(), e);
  }
}
