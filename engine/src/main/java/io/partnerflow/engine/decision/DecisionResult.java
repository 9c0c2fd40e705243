package io.partnerflow.engine.decision;

import java.util.List;

/**
 * The outcome of evaluating one decision of a DRG, with the audit of every decision evaluated on
 * the way (required decisions first, the called decision last). Values are plain Java (Map, List,
 * String, Long/BigDecimal, Boolean, null).
 *
 * @param output the called decision's result; null when no rule matched or evaluation failed
 * @param failedDecisionId the decision whose evaluation failed; null when successful
 * @param failureMessage why it failed; null when successful
 */
public record DecisionResult(
    Object output,
    List<EvaluatedDecision> evaluatedDecisions,
    String failedDecisionId,
    String failureMessage) {

  public boolean isFailure() {
    return failureMessage != null;
  }

  /** One decision evaluated during the evaluation. */
  public record EvaluatedDecision(
      String decisionId,
      String decisionName,
      String decisionType,
      Object output,
      List<EvaluatedInput> inputs,
      List<MatchedRule> matchedRules) {}

  /** A decision table input and the value it had. */
  public record EvaluatedInput(String inputId, String inputName, Object value) {}

  /** A matched rule of a decision table; {@code ruleIndex} counts from 1. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) {}

  /** An output entry of a matched rule and its value. */
  public record EvaluatedOutput(String outputId, String outputName, Object value) {}
}
