package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.partnerflow.engine.command.CancelProcessInstanceCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.FieldFilter;
import io.partnerflow.engine.state.IncidentQueries;
import io.partnerflow.engine.state.IncidentView;
import io.partnerflow.engine.state.ProcessInstanceQueries;
import io.partnerflow.engine.state.ProcessInstanceQueries.Criteria;
import io.partnerflow.engine.state.ProcessInstanceQueries.VariableCondition;
import io.partnerflow.engine.state.ProcessInstanceView;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.SearchPaging;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * /v2/process-instances: cancel, get, search, incidents. Creation is a hot path endpoint ({@link
 * ProcessInstanceCreationEndpoint}).
 */
@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceController {

  /** ProcessInstanceFilter fields the engine does not evaluate (400 when they constrain). */
  private static final String[] UNSUPPORTED_FILTERS = {
    "tags", "batchOperationId", "hasRetriesLeft", "incidentErrorHashCode"
  };

  private final CancelProcessInstanceCommand cancel;
  private final ProcessInstanceQueries queries;
  private final IncidentQueries incidents;

  ProcessInstanceController(
      CancelProcessInstanceCommand cancel,
      ProcessInstanceQueries queries,
      IncidentQueries incidents) {
    this.cancel = cancel;
    this.queries = queries;
    this.incidents = incidents;
  }

  @PostMapping("/{key}/cancellation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void cancel(@PathVariable long key, @RequestBody(required = false) Map<String, Object> body) {
    cancel.execute(key);
  }

  @GetMapping("/{key}")
  ProcessInstanceResult get(@PathVariable long key) {
    return toResult(
        queries.find(key).orElseThrow(() -> EngineException.notFound("Process instance", key)));
  }

  @PostMapping("/search")
  ProcessInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    Criteria criteria = criteria(SearchRequests.filterOf(body), true);
    SearchPaging paging = SearchRequests.paging(body, ProcessInstanceQueries.COLUMNS);
    SearchPage<ProcessInstanceView> page = queries.search(criteria, paging);
    return new ProcessInstanceSearchQueryResult()
        .items(page.items().stream().map(ProcessInstanceController::toResult).toList())
        .page(SearchRequests.page(page, paging));
  }

  /**
   * The incidents of one instance and of the instances it called (sort and page as in
   * /v2/incidents/search; no filter).
   */
  @PostMapping("/{key}/incidents/search")
  IncidentSearchQueryResult incidents(
      @PathVariable long key, @RequestBody(required = false) JsonNode body) {
    queries.find(key).orElseThrow(() -> EngineException.notFound("Process instance", key));
    SearchPaging paging = SearchRequests.paging(body, IncidentQueries.COLUMNS);
    SearchPage<IncidentView> page = incidents.searchInTree(key, paging);
    return new IncidentSearchQueryResult()
        .items(page.items().stream().map(IncidentController::toResult).toList())
        .page(SearchRequests.page(page, paging));
  }

  private static Criteria criteria(JsonNode filter, boolean top) {
    SearchRequests.rejectUnsupported(filter, UNSUPPORTED_FILTERS);
    List<Criteria> anyOf = new ArrayList<>();
    JsonNode or = filter == null ? null : filter.get("$or");
    if (or != null && !or.isNull()) {
      if (!top || !or.isArray()) {
        throw EngineException.invalid("Expected '$or' to be an array of filters at the top level");
      }
      for (JsonNode alternative : or) {
        if (!alternative.isObject()) {
          throw EngineException.invalid("Expected every '$or' entry to be a filter object");
        }
        anyOf.add(criteria(alternative, false));
      }
    }
    return new Criteria(
        SearchRequests.filters(filter, ProcessInstanceQueries.COLUMNS),
        SearchRequests.filters(filter, ProcessInstanceQueries.ELEMENT_COLUMNS),
        SearchRequests.filters(filter, ProcessInstanceQueries.INCIDENT_COLUMNS),
        variables(filter),
        anyOf);
  }

  /** {@code variables: [{name, value}]}: value is JSON text, plain or as a string filter. */
  private static List<VariableCondition> variables(JsonNode filter) {
    JsonNode variables = filter == null ? null : filter.get("variables");
    List<VariableCondition> conditions = new ArrayList<>();
    if (variables == null || variables.isNull()) {
      return conditions;
    }
    if (!variables.isArray()) {
      throw EngineException.invalid("Expected filter 'variables' to be an array of {name, value}");
    }
    for (JsonNode variable : variables) {
      String name = variable.path("name").asText(null);
      if (name == null || name.isBlank()) {
        throw EngineException.invalid("Expected every variable filter to have a name");
      }
      FieldFilter<String> value =
          SearchRequests.filter(
              variable.get("value"),
              "variables.value",
              v -> SearchRequests.text("variables.value", v),
              true,
              false);
      conditions.add(new VariableCondition(name, value));
    }
    return conditions;
  }

  private static ProcessInstanceResult toResult(ProcessInstanceView p) {
    return new ProcessInstanceResult()
        .processInstanceKey(Keys.format(p.key()))
        .processDefinitionKey(Keys.format(p.processDefinitionKey()))
        .processDefinitionId(p.bpmnProcessId())
        .processDefinitionName(p.processDefinitionName())
        .processDefinitionVersion(p.version())
        .processDefinitionVersionTag(p.versionTag())
        .tenantId(p.tenantId())
        .state(ProcessInstanceStateEnum.fromValue(p.state()))
        .startDate(date(p.startDate()))
        .endDate(date(p.endDate()))
        .hasIncident(p.hasIncident())
        .parentProcessInstanceKey(Keys.format(p.parentProcessInstanceKey()))
        .parentElementInstanceKey(Keys.format(p.parentElementInstanceKey()));
  }

  static String date(OffsetDateTime date) {
    return date == null ? null : date.toString();
  }
}
