package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Variable;
import java.util.List;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Reads one instance whole for its page: diagram, element history, variables, open incidents. */
@Service
@Secured("ROLE_ADMIN")
public class InstanceInspectionService {

  /** A page's worth; an instance with more element instances shows its first ones. */
  private static final int MAX_ROWS = 1_000;

  private final CamundaClient client;

  InstanceInspectionService(CamundaClient client) {
    this.client = client;
  }

  /**
   * @throws MonitoringException {@code monitoring.error.noSuchInstance} for an unknown key
   */
  public InstanceDetails inspect(long key) {
    InstanceSummary instance = instance(key);
    String xml = client.newProcessDefinitionGetXmlRequest(instance.definitionKey()).send().join();
    return new InstanceDetails(instance, xml, history(key), variables(key), openIncidents(key));
  }

  public InstanceSummary instance(long key) {
    try {
      return InstanceSearchService.summary(client.newProcessInstanceGetRequest(key).send().join());
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new MonitoringException("monitoring.error.noSuchInstance", null, e);
      }
      throw e;
    }
  }

  public List<ElementStep> history(long key) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter -> filter.processInstanceKey(key))
        .sort(sort -> sort.startDate().asc())
        .page(page -> page.limit(MAX_ROWS))
        .send()
        .join()
        .items()
        .stream()
        .map(InstanceInspectionService::step)
        .toList();
  }

  public List<VariableEntry> variables(long key) {
    return client
        .newVariableSearchRequest()
        .filter(filter -> filter.processInstanceKey(key))
        .sort(sort -> sort.name().asc())
        .page(page -> page.limit(MAX_ROWS))
        .send()
        .join()
        .items()
        .stream()
        .map(InstanceInspectionService::variable)
        .toList();
  }

  public List<IncidentEntry> openIncidents(long key) {
    return client
        .newIncidentSearchRequest()
        .filter(filter -> filter.processInstanceKey(key).state(IncidentState.ACTIVE))
        .page(page -> page.limit(MAX_ROWS))
        .send()
        .join()
        .items()
        .stream()
        .map(InstanceInspectionService::incident)
        .toList();
  }

  private static ElementStep step(ElementInstance element) {
    return new ElementStep(
        element.getElementInstanceKey(),
        element.getElementId(),
        element.getElementName(),
        element.getType() == null ? null : element.getType().name(),
        element.getState() == null ? null : element.getState().name(),
        InstanceSearchService.instant(element.getStartDate()),
        InstanceSearchService.instant(element.getEndDate()),
        element.getIncidentKey());
  }

  private static VariableEntry variable(Variable variable) {
    return new VariableEntry(
        variable.getVariableKey(), variable.getName(), variable.getValue(), variable.getScopeKey());
  }

  static IncidentEntry incident(Incident incident) {
    return new IncidentEntry(
        incident.getIncidentKey(),
        incident.getProcessInstanceKey(),
        incident.getProcessDefinitionId(),
        incident.getElementId(),
        incident.getErrorType() == null ? null : incident.getErrorType().name(),
        incident.getErrorMessage(),
        InstanceSearchService.instant(incident.getCreationTime()),
        incident.getJobKey());
  }
}
