package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilterBase;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The instance list: the engine's instance search with the list's filters, newest first, one page
 * at a time. A partner or company name becomes a filter on the instance keys and the {@code
 * partnerId}/{@code applicationId} variables the app's records name.
 */
@Service
@Secured("ROLE_ADMIN")
public class InstanceSearchService {

  private final CamundaClient client;
  private final InstanceOwners owners;

  InstanceSearchService(CamundaClient client, InstanceOwners owners) {
    this.client = client;
    this.owners = owners;
  }

  /**
   * @throws MonitoringException {@code monitoring.error.nameTooVague} when the name matches too
   *     many partners or applications to filter by
   */
  public InstancePage search(InstanceQuery query, int offset, int limit) {
    List<Consumer<ProcessInstanceFilterBase>> ownerFilter = null;
    if (query.ownerName() != null && !query.ownerName().isBlank()) {
      InstanceOwners.Owners named = owners.named(query.ownerName());
      if (named.isEmpty()) {
        return new InstancePage(List.of(), 0);
      }
      if (named.tooMany()) {
        throw new MonitoringException("monitoring.error.nameTooVague", null, null);
      }
      ownerFilter = byOwner(named);
    }
    List<Consumer<ProcessInstanceFilterBase>> owner = ownerFilter;
    SearchResponse<ProcessInstance> response =
        client
            .newProcessInstanceSearchRequest()
            .filter(
                filter -> {
                  restrict(filter, query);
                  if (owner != null) {
                    filter.orFilters(owner);
                  }
                })
            .sort(sort -> sort.startDate().desc())
            .page(page -> page.from(offset).limit(limit))
            .send()
            .join();
    List<InstanceSummary> items =
        response.items().stream().map(InstanceSearchService::summary).toList();
    Long total = response.page().totalItems();
    return new InstancePage(
        items,
        total == null ? items.size() : total,
        Boolean.TRUE.equals(response.page().hasMoreTotalItems()));
  }

  /** The keys of every instance that matches, up to {@code max} (for batch operations). */
  public List<Long> keys(InstanceQuery query, int max) {
    List<Long> keys = new ArrayList<>();
    int pageSize = 200;
    while (keys.size() < max) {
      InstancePage page = search(query, keys.size(), Math.min(pageSize, max - keys.size()));
      page.items().forEach(item -> keys.add(item.key()));
      if (page.items().isEmpty() || (!page.moreThanTotal() && keys.size() >= page.total())) {
        break;
      }
    }
    return keys;
  }

  private static void restrict(ProcessInstanceFilterBase filter, InstanceQuery query) {
    if (query.processId() != null && !query.processId().isBlank()) {
      filter.processDefinitionId(query.processId());
    }
    if (query.version() != null) {
      filter.processDefinitionVersion(query.version());
    }
    if (query.state() != null) {
      filter.state(ProcessInstanceState.valueOf(query.state().name()));
    }
    if (query.hasIncident() != null) {
      filter.hasIncident(query.hasIncident());
    }
    if (query.startedFrom() != null || query.startedBefore() != null) {
      filter.startDate(
          date -> {
            if (query.startedFrom() != null) {
              date.gte(offset(query.startedFrom()));
            }
            if (query.startedBefore() != null) {
              date.lt(offset(query.startedBefore()));
            }
          });
    }
    if (query.endedFrom() != null || query.endedBefore() != null) {
      filter.endDate(
          date -> {
            if (query.endedFrom() != null) {
              date.gte(offset(query.endedFrom()));
            }
            if (query.endedBefore() != null) {
              date.lt(offset(query.endedBefore()));
            }
          });
    }
  }

  /** Any of: one of the recorded instance keys, or a partnerId/applicationId variable named. */
  private static List<Consumer<ProcessInstanceFilterBase>> byOwner(InstanceOwners.Owners named) {
    List<Consumer<ProcessInstanceFilterBase>> alternatives = new ArrayList<>();
    if (!named.instanceKeys().isEmpty()) {
      alternatives.add(filter -> filter.processInstanceKey(key -> key.in(named.instanceKeys())));
    }
    if (!named.partnerIds().isEmpty()) {
      alternatives.add(variableIn("partnerId", named.partnerIds()));
    }
    if (!named.applicationIds().isEmpty()) {
      alternatives.add(variableIn("applicationId", named.applicationIds()));
    }
    return alternatives;
  }

  /** The variable holds one of the ids; variable values are JSON, so a number or a string. */
  private static Consumer<ProcessInstanceFilterBase> variableIn(String name, List<Long> ids) {
    List<String> values = new ArrayList<>();
    for (Long id : ids) {
      values.add(String.valueOf(id));
      values.add("\"" + id + "\"");
    }
    return filter ->
        filter.variables(List.of(variable -> variable.name(name).value(value -> value.in(values))));
  }

  static InstanceSummary summary(ProcessInstance instance) {
    return new InstanceSummary(
        instance.getProcessInstanceKey(),
        instance.getProcessDefinitionId(),
        instance.getProcessDefinitionName(),
        instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
        instance.getProcessDefinitionKey() == null ? 0 : instance.getProcessDefinitionKey(),
        instance.getState() == null ? null : InstanceState.valueOf(instance.getState().name()),
        Boolean.TRUE.equals(instance.getHasIncident()),
        instant(instance.getStartDate()),
        instant(instance.getEndDate()));
  }

  static OffsetDateTime offset(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime date) {
    return date == null ? null : date.toInstant();
  }
}
