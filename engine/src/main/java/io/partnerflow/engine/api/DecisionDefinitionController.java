package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.partnerflow.engine.command.EvaluateDecisionCommand;
import io.partnerflow.engine.decision.DecisionResult;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.DecisionDefinitionQuery;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.SearchPage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /v2/decision-definitions: evaluation, search, get, XML (of the decision's DRG). */
@RestController
@RequestMapping("/v2/decision-definitions")
class DecisionDefinitionController {

  private final DecisionRepository decisions;
  private final EvaluateDecisionCommand evaluate;
  private final JsonValues json;

  DecisionDefinitionController(
      DecisionRepository decisions, EvaluateDecisionCommand evaluate, JsonValues json) {
    this.decisions = decisions;
    this.evaluate = evaluate;
    this.json = json;
  }

  @PostMapping("/evaluation")
  EvaluateDecisionResult evaluate(@RequestBody DecisionEvaluationInstruction body) {
    EvaluateDecisionCommand.Evaluation evaluation =
        evaluate.execute(
            body.getDecisionDefinitionId(),
            Keys.parse("decisionDefinitionKey", body.getDecisionDefinitionKey()),
            body.getVariables());
    DecisionDefinitionRecord decision = evaluation.decision();
    DecisionResult result = evaluation.result();
    String evaluationKey = Keys.format(evaluation.evaluationKey());
    List<EvaluatedDecisionResult> evaluated = new ArrayList<>();
    for (DecisionResult.EvaluatedDecision d : result.evaluatedDecisions()) {
      DecisionDefinitionRecord definition = evaluation.decisionsInDrg().get(d.decisionId());
      evaluated.add(
          new EvaluatedDecisionResult()
              .decisionDefinitionId(d.decisionId())
              .decisionDefinitionName(d.decisionName())
              .decisionDefinitionVersion(definition == null ? null : definition.version())
              .decisionDefinitionKey(definition == null ? null : Keys.format(definition.key()))
              .decisionDefinitionType(d.decisionType())
              .decisionEvaluationInstanceKey(evaluationKey + "-" + (evaluated.size() + 1))
              .output(json.write(d.output()))
              .tenantId(decision.tenantId())
              .evaluatedInputs(
                  d.inputs().stream()
                      .map(
                          i ->
                              new EvaluatedDecisionInputItem()
                                  .inputId(i.inputId())
                                  .inputName(i.inputName())
                                  .inputValue(json.write(i.value())))
                      .toList())
              .matchedRules(
                  d.matchedRules().stream()
                      .map(
                          r ->
                              new MatchedDecisionRuleItem()
                                  .ruleId(r.ruleId())
                                  .ruleIndex(r.ruleIndex())
                                  .evaluatedOutputs(
                                      r.outputs().stream()
                                          .map(
                                              o ->
                                                  new EvaluatedDecisionOutputItem()
                                                      .outputId(o.outputId())
                                                      .outputName(o.outputName())
                                                      .outputValue(json.write(o.value())))
                                          .toList()))
                      .toList()));
    }
    return new EvaluateDecisionResult()
        .decisionDefinitionId(decision.decisionId())
        .decisionDefinitionKey(Keys.format(decision.key()))
        .decisionDefinitionName(decision.name())
        .decisionDefinitionVersion(decision.version())
        .decisionRequirementsId(decision.decisionRequirementsId())
        .decisionRequirementsKey(Keys.format(decision.decisionRequirementsKey()))
        .output(json.write(result.output()))
        .failedDecisionDefinitionId(result.isFailure() ? result.failedDecisionId() : "")
        .failureMessage(result.isFailure() ? result.failureMessage() : "")
        .tenantId(decision.tenantId())
        .decisionEvaluationKey(evaluationKey)
        .decisionInstanceKey(evaluationKey)
        .evaluatedDecisions(evaluated);
  }

  @PostMapping("/search")
  DecisionDefinitionSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    JsonNode filter = body == null ? null : body.get("filter");
    SearchRequests.SortAndPage sortAndPage = SearchRequests.sortAndPage(body);
    if (sortAndPage.field() != null
        && !DecisionRepository.SORTABLE.containsKey(sortAndPage.field())) {
      throw EngineException.invalid(
          "Cannot sort decision definitions by '%s'".formatted(sortAndPage.field()));
    }
    SearchPage<DecisionDefinitionRecord> page =
        decisions.search(
            new DecisionDefinitionQuery(
                SearchRequests.string(filter, "decisionDefinitionId"),
                SearchRequests.string(filter, "name"),
                SearchRequests.integer(filter, "version"),
                Keys.parse(
                    "decisionDefinitionKey",
                    SearchRequests.string(filter, "decisionDefinitionKey")),
                SearchRequests.string(filter, "decisionRequirementsId"),
                Keys.parse(
                    "decisionRequirementsKey",
                    SearchRequests.string(filter, "decisionRequirementsKey")),
                SearchRequests.string(filter, "tenantId"),
                SearchRequests.bool(filter, "isLatestVersion"),
                sortAndPage.field(),
                sortAndPage.descending(),
                sortAndPage.from(),
                sortAndPage.limit()));
    return new DecisionDefinitionSearchQueryResult()
        .items(page.items().stream().map(DecisionDefinitionController::toResult).toList())
        .page(new SearchQueryPageResponse().totalItems(page.totalItems()).hasMoreTotalItems(false));
  }

  @GetMapping("/{key}")
  DecisionDefinitionResult get(@PathVariable long key) {
    return toResult(find(key));
  }

  /** The DMN XML of the decision's DRG, plain whatever the Accept header says. */
  @GetMapping("/{key}/xml")
  ResponseEntity<String> xml(@PathVariable long key) {
    DecisionDefinitionRecord decision = find(key);
    String xml =
        decisions
            .findRequirementsByKey(decision.decisionRequirementsKey())
            .orElseThrow(
                () ->
                    EngineException.notFound(
                        "Decision requirements", decision.decisionRequirementsKey()))
            .dmnXml();
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
  }

  private DecisionDefinitionRecord find(long key) {
    return decisions
        .findByKey(key)
        .orElseThrow(() -> EngineException.notFound("Decision definition", key));
  }

  private static DecisionDefinitionResult toResult(DecisionDefinitionRecord d) {
    return new DecisionDefinitionResult()
        .decisionDefinitionKey(Keys.format(d.key()))
        .decisionDefinitionId(d.decisionId())
        .name(d.name())
        .version(d.version())
        .decisionRequirementsId(d.decisionRequirementsId())
        .decisionRequirementsKey(Keys.format(d.decisionRequirementsKey()))
        .tenantId(d.tenantId());
  }
}
