package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.partnerflow.engine.command.ResolveIncidentCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.IncidentQueries;
import io.partnerflow.engine.state.IncidentView;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.SearchPaging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /v2/incidents: search, get, resolve. */
@RestController
@RequestMapping("/v2/incidents")
class IncidentController {

  private final IncidentQueries queries;
  private final ResolveIncidentCommand resolve;

  IncidentController(IncidentQueries queries, ResolveIncidentCommand resolve) {
    this.queries = queries;
    this.resolve = resolve;
  }

  @PostMapping("/search")
  IncidentSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = SearchRequests.filterOf(body);
    SearchPaging paging = SearchRequests.paging(body, IncidentQueries.COLUMNS);
    SearchPage<IncidentView> page =
        queries.search(SearchRequests.filters(filter, IncidentQueries.COLUMNS), paging);
    return new IncidentSearchQueryResult()
        .items(page.items().stream().map(IncidentController::toResult).toList())
        .page(SearchRequests.page(page, paging));
  }

  @GetMapping("/{key}")
  IncidentResult get(@PathVariable long key) {
    return toResult(queries.find(key).orElseThrow(() -> EngineException.notFound("Incident", key)));
  }

  @PostMapping("/{key}/resolution")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resolve(@PathVariable long key, @RequestBody(required = false) JsonNode body) {
    resolve.execute(key);
  }

  static IncidentResult toResult(IncidentView i) {
    return new IncidentResult()
        .incidentKey(Keys.format(i.key()))
        .processInstanceKey(Keys.format(i.processInstanceKey()))
        .processDefinitionKey(Keys.format(i.processDefinitionKey()))
        .processDefinitionId(i.bpmnProcessId())
        .elementInstanceKey(Keys.format(i.elementInstanceKey()))
        .elementId(i.elementId())
        .jobKey(Keys.format(i.jobKey()))
        .errorType(IncidentResult.ErrorTypeEnum.fromValue(i.errorType()))
        .errorMessage(i.errorMessage())
        .state(IncidentResult.StateEnum.fromValue(i.state()))
        .creationTime(ProcessInstanceController.date(i.creationTime()))
        .tenantId(i.tenantId());
  }
}
