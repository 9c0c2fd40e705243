package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.modelcheck.ElementProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects every reason to reject a resource, so that one 400 lists them all. */
public final class DeploymentProblems {

  private final List<ElementProblem> problems = new ArrayList<>();
  private final FeelEvaluator feel;

  DeploymentProblems(FeelEvaluator feel) {
    this.feel = feel;
  }

  public void add(BaseElement element, String message) {
    add(element.getId(), message);
  }

  void add(String elementId, String message) {
    problems.add(new ElementProblem(elementId, message));
  }

  void addGeneral(String message) {
    problems.add(new ElementProblem(null, message));
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

  /** The problems by element, as {@link io.partnerflow.modelcheck.ModelCheck} reports them. */
  List<ElementProblem> byElement() {
    return List.copyOf(problems);
  }

  /** The lines of the 400's detail, worded as Zeebe words them. */
  List<String> all() {
    return problems.stream().map(DeploymentProblems::line).toList();
  }

  private static String line(ElementProblem problem) {
    return problem.elementId() == null
        ? "- " + problem.message()
        : "- Element: %s%n    - ERROR: %s".formatted(problem.elementId(), problem.message());
  }
}
