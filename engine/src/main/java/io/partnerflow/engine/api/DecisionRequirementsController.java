package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import io.camunda.client.protocol.rest.DecisionRequirementsSearchQueryResult;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.DecisionRequirementsQuery;
import io.partnerflow.engine.state.DecisionRequirementsRecord;
import io.partnerflow.engine.state.SearchPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/decision-requirements: the deployed DMN resources (DRGs): search, get, XML. */
@RestController
@RequestMapping("/v2/decision-requirements")
class DecisionRequirementsController {

  private final DecisionRepository decisions;

  DecisionRequirementsController(DecisionRepository decisions) {
    this.decisions = decisions;
  }

  @PostMapping("/search")
  DecisionRequirementsSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = body == null ? null : body.get("filter");
    SearchRequests.SortAndPage sortAndPage = SearchRequests.sortAndPage(body);
    if (sortAndPage.field() != null
        && !DecisionRepository.REQUIREMENTS_SORTABLE.containsKey(sortAndPage.field())) {
      throw EngineException.invalid(
          "Cannot sort decision requirements by '%s'".formatted(sortAndPage.field()));
    }
    SearchPage<DecisionRequirementsRecord> page =
        decisions.search(
            new DecisionRequirementsQuery(
                SearchRequests.string(filter, "decisionRequirementsId"),
                SearchRequests.string(filter, "decisionRequirementsName"),
                SearchRequests.integer(filter, "version"),
                Keys.parse(
                    "decisionRequirementsKey",
                    SearchRequests.string(filter, "decisionRequirementsKey")),
                SearchRequests.string(filter, "resourceName"),
                SearchRequests.string(filter, "tenantId"),
                sortAndPage.field(),
                sortAndPage.descending(),
                sortAndPage.from(),
                sortAndPage.limit()));
    return new DecisionRequirementsSearchQueryResult()
        .items(page.items().stream().map(DecisionRequirementsController::toResult).toList())
        .page(new SearchQueryPageResponse().totalItems(page.totalItems()).hasMoreTotalItems(false));
  }

  @GetMapping("/{key}")
  DecisionRequirementsResult get(@PathVariable long key) {
    return toResult(find(key));
  }

  /** The DMN XML, plain whatever the Accept header says. */
  @GetMapping("/{key}/xml")
  ResponseEntity<String> xml(@PathVariable long key) {
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(find(key).dmnXml());
  }

  private DecisionRequirementsRecord find(long key) {
    return decisions
        .findRequirementsByKey(key)
        .orElseThrow(() -> EngineException.notFound("Decision requirements", key));
  }

  private static DecisionRequirementsResult toResult(DecisionRequirementsRecord r) {
    return new DecisionRequirementsResult()
        .decisionRequirementsKey(Keys.format(r.key()))
        .decisionRequirementsId(r.decisionRequirementsId())
        .decisionRequirementsName(r.name())
        .version(r.version())
        .resourceName(r.resourceName())
        .tenantId(r.tenantId());
  }
}
