package io.partnerflow.engine.command;

import io.partnerflow.engine.decision.DecisionEngine;
import io.partnerflow.engine.decision.DecisionResult;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.DecisionRequirementsRecord;
import io.partnerflow.engine.state.KeyGenerator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/decision-definitions/evaluation: evaluates a decision (latest version by id, or exactly
 * the one by key). A failing evaluation is an answer, not an error: the result names the failed
 * decision and why, as Camunda 8 does. Evaluations are not stored.
 */
@Component
public class EvaluateDecisionCommand {

  /**
   * The evaluation with what the response needs around it.
   *
   * @param decisionsInDrg the decisions of the evaluated decision's DRG version by decision id (for
   *     the keys and versions of required decisions)
   */
  public record Evaluation(
      long evaluationKey,
      DecisionDefinitionRecord decision,
      DecisionRequirementsRecord requirements,
      Map<String, DecisionDefinitionRecord> decisionsInDrg,
      DecisionResult result) {}

  private final DecisionRepository decisions;
  private final DecisionEngine engine;
  private final KeyGenerator keys;

  public EvaluateDecisionCommand(
      DecisionRepository decisions, DecisionEngine engine, KeyGenerator keys) {
    this.decisions = decisions;
    this.engine = engine;
    this.keys = keys;
  }

  @Transactional
  public Evaluation execute(String decisionId, Long decisionKey, Map<String, Object> variables) {
    boolean byId = decisionId != null && !decisionId.isBlank();
    if (byId == (decisionKey != null)) {
      throw EngineException.invalid(
          byId
              ? "Only one of [decisionDefinitionId, decisionDefinitionKey] is allowed"
              : "At least one of [decisionDefinitionId, decisionDefinitionKey] is required");
    }
    DecisionDefinitionRecord decision =
        byId
            ? decisions
                .findLatest(decisionId)
                .orElseThrow(
                    () ->
                        EngineException.notFound(
                            "Expected to evaluate decision '%s', but no decision found for id '%s'"
                                .formatted(decisionId, decisionId)))
            : decisions
                .findByKey(decisionKey)
                .orElseThrow(
                    () ->
                        EngineException.notFound(
                            ("Expected to evaluate decision with key '%d', but no such decision"
                                    + " was found")
                                .formatted(decisionKey)));
    DecisionRequirementsRecord requirements =
        decisions
            .findRequirementsByKey(decision.decisionRequirementsKey())
            .orElseThrow(() -> new IllegalStateException("Decision without DRG: " + decision));
    Map<String, DecisionDefinitionRecord> inDrg =
        decisions.findByRequirementsKey(requirements.key()).stream()
            .collect(Collectors.toMap(DecisionDefinitionRecord::decisionId, Function.identity()));
    DecisionResult result = engine.evaluate(decision, variables == null ? Map.of() : variables);
    return new Evaluation(keys.next(), decision, requirements, inDrg, result);
  }
}
