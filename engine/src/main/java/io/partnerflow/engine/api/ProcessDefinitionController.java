package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ProcessDefinitionQuery;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.SearchPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/process-definitions: search, get, XML. */
@RestController
@RequestMapping("/v2/process-definitions")
class ProcessDefinitionController {

  private final ProcessDefinitionRepository definitions;

  ProcessDefinitionController(ProcessDefinitionRepository definitions) {
    this.definitions = definitions;
  }

  @PostMapping("/search")
  ProcessDefinitionSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = body == null ? null : body.get("filter");
    SearchRequests.SortAndPage sortAndPage = SearchRequests.sortAndPage(body);
    if (sortAndPage.field() != null
        && !ProcessDefinitionRepository.SORTABLE.containsKey(sortAndPage.field())) {
      throw EngineException.invalid(
          "Cannot sort process definitions by '%s'".formatted(sortAndPage.field()));
    }
    SearchPage<ProcessDefinitionRecord> page =
        definitions.search(
            new ProcessDefinitionQuery(
                SearchRequests.string(filter, "processDefinitionId"),
                SearchRequests.string(filter, "name"),
                SearchRequests.integer(filter, "version"),
                Keys.parse(
                    "processDefinitionKey", SearchRequests.string(filter, "processDefinitionKey")),
                SearchRequests.string(filter, "resourceName"),
                SearchRequests.bool(filter, "isLatestVersion"),
                sortAndPage.field(),
                sortAndPage.descending(),
                sortAndPage.from(),
                sortAndPage.limit()));
    return new ProcessDefinitionSearchQueryResult()
        .items(page.items().stream().map(ProcessDefinitionController::toResult).toList())
        .page(new SearchQueryPageResponse().totalItems(page.totalItems()).hasMoreTotalItems(false));
  }

  @GetMapping("/{key}")
  ProcessDefinitionResult get(@PathVariable long key) {
    return toResult(find(key));
  }

  /** Plain XML whatever the Accept header says: the client reads non-JSON bodies raw. */
  @GetMapping("/{key}/xml")
  ResponseEntity<String> xml(@PathVariable long key) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(
            definitions
                .findXml(key)
                .orElseThrow(() -> EngineException.notFound("Process definition", key)));
  }

  private ProcessDefinitionRecord find(long key) {
    return definitions
        .findByKey(key)
        .orElseThrow(() -> EngineException.notFound("Process definition", key));
  }

  private static ProcessDefinitionResult toResult(ProcessDefinitionRecord d) {
    return new ProcessDefinitionResult()
        .processDefinitionKey(Keys.format(d.key()))
        .processDefinitionId(d.bpmnProcessId())
        .name(d.name())
        .version(d.version())
        .versionTag(d.versionTag())
        .resourceName(d.resourceName())
        .tenantId(d.tenantId())
        .hasStartForm(d.startFormId() != null);
  }
}
