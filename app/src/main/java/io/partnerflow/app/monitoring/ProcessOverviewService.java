package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ProcessDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The processes overview: per deployed process version the running instances, those with an
 * incident and those completed since a moment, each counted by the engine's instance search.
 */
@Service
@Secured("ROLE_ADMIN")
public class ProcessOverviewService {

  private static final int MAX_DEFINITIONS = 1_000;

  private final CamundaClient client;

  ProcessOverviewService(CamundaClient client) {
    this.client = client;
  }

  public List<ProcessStatistics> overview(Instant completedSince) {
    List<ProcessStatistics> rows = new ArrayList<>();
    for (ProcessDefinition definition : definitions()) {
      long key = definition.getProcessDefinitionKey();
      rows.add(
          new ProcessStatistics(
              key,
              definition.getProcessDefinitionId(),
              definition.getName(),
              definition.getVersion(),
              count(f -> f.processDefinitionKey(key).state(ProcessInstanceState.ACTIVE)),
              count(
                  f ->
                      f.processDefinitionKey(key)
                          .state(ProcessInstanceState.ACTIVE)
                          .hasIncident(true)),
              count(
                  f ->
                      f.processDefinitionKey(key)
                          .state(ProcessInstanceState.COMPLETED)
                          .endDate(
                              date -> date.gte(InstanceSearchService.offset(completedSince))))));
    }
    rows.sort(
        Comparator.comparing(ProcessStatistics::processId)
            .thenComparing(Comparator.comparingInt(ProcessStatistics::version).reversed()));
    return rows;
  }

  /** Every deployed version (the version choices of filters and migrations). */
  public List<ProcessDefinition> definitions() {
    return client
        .newProcessDefinitionSearchRequest()
        .sort(sort -> sort.processDefinitionId().asc())
        .page(page -> page.limit(MAX_DEFINITIONS))
        .send()
        .join()
        .items();
  }

  private long count(Consumer<ProcessInstanceFilter> filter) {
    Long total =
        client
            .newProcessInstanceSearchRequest()
            .filter(filter)
            .page(page -> page.limit(0))
            .send()
            .join()
            .page()
            .totalItems();
    return total == null ? 0 : total;
  }
}
