package io.partnerflow.engine.decision;

import io.partnerflow.engine.decision.DecisionResult.EvaluatedDecision;
import io.partnerflow.engine.decision.DecisionResult.EvaluatedInput;
import io.partnerflow.engine.decision.DecisionResult.EvaluatedOutput;
import io.partnerflow.engine.decision.DecisionResult.MatchedRule;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.DecisionRequirementsRecord;
import io.partnerflow.engine.state.EngineClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.syntaxtree.ValError;
import org.springframework.stereotype.Component;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * The DMN engine (dmn-scala with FEEL 1.21): parses DMN resources and evaluates decisions. Parsed
 * DRGs are cached by their key (deployed content never changes); FEEL's {@code now()} follows the
 * engine clock.
 */
@Component
public class DecisionEngine {

  private final DmnEngine dmn;
  private final DecisionRepository repository;
  private final Map<Long, ParsedDmn> parsed = new ConcurrentHashMap<>();

  public DecisionEngine(EngineClock clock, DecisionRepository repository) {
    this.repository = repository;
    this.dmn = new DmnEngine.Builder().clock(() -> clock.now().atZone(ZoneOffset.UTC)).build();
  }

  /** Parses a DMN resource; the left side carries dmn-scala's reason when it is not valid. */
  public Either<DmnEngine.Failure, ParsedDmn> parse(byte[] content) {
    return dmn.parse(new ByteArrayInputStream(content));
  }

  /**
   * Evaluates a deployed decision (in its DRG) with the given variables. Never throws for
   * evaluation problems: a failure is reported in the result.
   */
  public DecisionResult evaluate(DecisionDefinitionRecord decision, Map<String, Object> variables) {
    String decisionId = decision.decisionId();
    ParsedDmn parsedDmn =
        parsed.computeIfAbsent(decision.decisionRequirementsKey(), this::loadAndParse);
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> outcome;
    try {
      outcome = dmn.eval(parsedDmn, decisionId, new HashMap<>(variables));
    } catch (RuntimeException e) {
      // dmn-scala reports failures as values; anything thrown still must not fail the command
      return new DecisionResult(
          null,
          List.of(),
          decisionId,
          "Expected to evaluate decision '%s', but %s".formatted(decisionId, e));
    }
    if (outcome.isLeft()) {
      DmnEngine.EvalFailure failure = outcome.left().get();
      List<Audit.AuditLogEntry> entries = entries(failure.auditLog());
      String failedDecisionId = decisionId;
      if (!entries.isEmpty()) {
        Audit.AuditLogEntry last = entries.get(entries.size() - 1);
        if (last.result().result() instanceof ValError
            && parsedDmn.decisionsById().contains(last.id())) {
          failedDecisionId = last.id();
        }
      }
      return new DecisionResult(
          null,
          evaluated(parsedDmn, entries),
          failedDecisionId,
          "Expected to evaluate decision '%s', but %s"
              .formatted(decisionId, failure.failure().message()));
    }
    DmnEngine.EvalResult result = outcome.right().get();
    return new DecisionResult(
        result.isNil() ? null : DmnValues.toJava(result.value()),
        evaluated(parsedDmn, entries(result.auditLog())),
        null,
        null);
  }

  private ParsedDmn loadAndParse(long decisionRequirementsKey) {
    DecisionRequirementsRecord drg =
        repository
            .findRequirementsByKey(decisionRequirementsKey)
            .orElseThrow(
                () -> new IllegalStateException("No DRG with key " + decisionRequirementsKey));
    var result = parse(drg.dmnXml().getBytes(StandardCharsets.UTF_8));
    if (result.isLeft()) {
      throw new IllegalStateException(
          "Stored DRG %d no longer parses: %s".formatted(drg.key(), result.left().get().message()));
    }
    return result.right().get();
  }

  private static List<Audit.AuditLogEntry> entries(Audit.AuditLog log) {
    return log == null ? List.of() : CollectionConverters.asJava(log.entries());
  }

  /** The audit entries of decisions (business knowledge models are left out), in order. */
  private static List<EvaluatedDecision> evaluated(
      ParsedDmn parsedDmn, List<Audit.AuditLogEntry> entries) {
    List<EvaluatedDecision> decisions = new ArrayList<>();
    for (Audit.AuditLogEntry entry : entries) {
      if (!parsedDmn.decisionsById().contains(entry.id())) {
        continue;
      }
      List<EvaluatedInput> inputs = new ArrayList<>();
      List<MatchedRule> rules = new ArrayList<>();
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table
          && entry.decisionLogic() instanceof ParsedDecisionTable logic) {
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          inputs.add(
              new EvaluatedInput(
                  input.input().id(), input.input().name(), DmnValues.toJava(input.value())));
        }
        List<ParsedRule> allRules = new ArrayList<>();
        CollectionConverters.asJava(logic.rules()).forEach(allRules::add);
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<EvaluatedOutput> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(
                new EvaluatedOutput(
                    output.output().id(),
                    output.output().name(),
                    DmnValues.toJava(output.value())));
          }
          rules.add(new MatchedRule(rule.rule().id(), allRules.indexOf(rule.rule()) + 1, outputs));
        }
      }
      decisions.add(
          new EvaluatedDecision(
              entry.id(),
              entry.name(),
              type(entry.decisionLogic()),
              DmnValues.toJava(entry.result().result()),
              List.copyOf(inputs),
              List.copyOf(rules)));
    }
    return List.copyOf(decisions);
  }

  private static String type(ParsedDecisionLogic logic) {
    if (logic instanceof ParsedDecisionTable) {
      return "DECISION_TABLE";
    }
    if (logic instanceof ParsedLiteralExpression) {
      return "LITERAL_EXPRESSION";
    }
    return "UNKNOWN";
  }
}
