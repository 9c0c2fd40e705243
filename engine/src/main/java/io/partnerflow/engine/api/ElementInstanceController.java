package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.partnerflow.engine.command.SetVariablesCommand;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ElementInstanceQueries;
import io.partnerflow.engine.state.ElementInstanceView;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.SearchPaging;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/element-instances: the element history (search, get) and setting variables on a scope. */
@RestController
@RequestMapping("/v2/element-instances")
class ElementInstanceController {

  private final ElementInstanceQueries queries;
  private final SetVariablesCommand setVariables;
  private final RequestVariables requestVariables;
  private final UserTaskTransitionWaits waits;

  ElementInstanceController(
      ElementInstanceQueries queries,
      SetVariablesCommand setVariables,
      RequestVariables requestVariables,
      UserTaskTransitionWaits waits) {
    this.waits = waits;
    this.queries = queries;
    this.setVariables = setVariables;
    this.requestVariables = requestVariables;
  }

  @PostMapping("/search")
  ElementInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = SearchRequests.filterOf(body);
    SearchPaging paging = SearchRequests.paging(body, ElementInstanceQueries.COLUMNS);
    SearchPage<ElementInstanceView> page =
        queries.search(SearchRequests.filters(filter, ElementInstanceQueries.COLUMNS), paging);
    return new ElementInstanceSearchQueryResult()
        .items(page.items().stream().map(ElementInstanceController::toResult).toList())
        .page(SearchRequests.page(page, paging));
  }

  @GetMapping("/{key}")
  ElementInstanceResult get(@PathVariable long key) {
    return toResult(
        queries.find(key).orElseThrow(() -> EngineException.notFound("Element instance", key)));
  }

  /** Body {@code {variables: {...}, local: false}}; variables must be a JSON object. */
  @PutMapping("/{key}/variables")
  CompletableFuture<ResponseEntity<Void>> setVariables(
      @PathVariable long key, @RequestBody JsonNode body) {
    if (!body.isObject()) {
      throw EngineException.invalid("Expected the request body to be a JSON object");
    }
    JsonNode local = body.get("local");
    if (local != null && !local.isNull() && !local.isBoolean()) {
      throw EngineException.invalid("Expected 'local' to be a boolean");
    }
    boolean waiting =
        setVariables.execute(
            key,
            requestVariables.required(body.get("variables")),
            local != null && local.booleanValue());
    // on a user task with updating listeners the answer waits for them
    return waits.answer(waiting, key, "UPDATING", "UPDATE");
  }

  private static ElementInstanceResult toResult(ElementInstanceView e) {
    return new ElementInstanceResult()
        .elementInstanceKey(Keys.format(e.key()))
        .processInstanceKey(Keys.format(e.processInstanceKey()))
        .processDefinitionKey(Keys.format(e.processDefinitionKey()))
        .processDefinitionId(e.bpmnProcessId())
        .elementId(e.elementId())
        .elementName(e.elementName() == null ? e.elementId() : e.elementName())
        .type(ElementInstanceResult.TypeEnum.fromValue(e.type()))
        .state(ElementInstanceStateEnum.fromValue(e.state()))
        .startDate(ProcessInstanceController.date(e.startDate()))
        .endDate(ProcessInstanceController.date(e.endDate()))
        .hasIncident(e.hasIncident())
        .incidentKey(Keys.format(e.incidentKey()))
        .tenantId(e.tenantId());
  }
}
