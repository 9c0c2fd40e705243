package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import java.util.ArrayList;
import java.util.List;

/** Collects every reason to reject a resource, so that one 400 lists them all. */
public final class DeploymentProblems {

  private final List<String> problems = new ArrayList<>();
  private final FeelEvaluator feel;

  DeploymentProblems(FeelEvaluator feel) {
    this.feel = feel;
  }

  public void add(BaseElement element, String message) {
    problems.add("- Element: %s%n    - ERROR: %s".formatted(element.getId(), message));
  }

  void addGeneral(String message) {
    problems.add("- " + message);
  }

  /** Checks that a FEEL expression parses; returns it either way. */
  public Expression checked(BaseElement element, Expression expression) {
    try {
      feel.check(expression);
    } catch (ExpressionException e) {
      add(element, e.getMessage());
    }
    return expression;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<String> all() {
    return List.copyOf(problems);
  }
}
