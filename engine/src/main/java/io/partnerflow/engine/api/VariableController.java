package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.SearchPage;
import io.partnerflow.engine.state.SearchPaging;
import io.partnerflow.engine.state.VariableQueries;
import io.partnerflow.engine.state.VariableView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/variables: search and get; values are JSON text, never truncated. */
@RestController
@RequestMapping("/v2/variables")
class VariableController {

  private final VariableQueries queries;

  VariableController(VariableQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/search")
  VariableSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = SearchRequests.filterOf(body);
    SearchPaging paging = SearchRequests.paging(body, VariableQueries.COLUMNS);
    SearchPage<VariableView> page =
        queries.search(SearchRequests.filters(filter, VariableQueries.COLUMNS), paging);
    return new VariableSearchQueryResult()
        .items(
            page.items().stream()
                .map(
                    v ->
                        new VariableSearchResult()
                            .variableKey(Keys.format(v.key()))
                            .name(v.name())
                            .value(v.value())
                            .isTruncated(false)
                            .scopeKey(Keys.format(v.scopeKey()))
                            .processInstanceKey(Keys.format(v.processInstanceKey()))
                            .tenantId(v.tenantId()))
                .toList())
        .page(SearchRequests.page(page, paging));
  }

  @GetMapping("/{key}")
  VariableResult get(@PathVariable long key) {
    VariableView v = queries.find(key).orElseThrow(() -> EngineException.notFound("Variable", key));
    return new VariableResult()
        .variableKey(Keys.format(v.key()))
        .name(v.name())
        .value(v.value())
        .scopeKey(Keys.format(v.scopeKey()))
        .processInstanceKey(Keys.format(v.processInstanceKey()))
        .tenantId(v.tenantId());
  }
}
