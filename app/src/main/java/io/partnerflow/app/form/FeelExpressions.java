package io.partnerflow.app.form;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the {@code =}-prefixed FEEL expressions of form-js (conditional.hide, readonly,
 * valuesExpression, text). A failing expression yields null, as form-js treats it: the form stays
 * usable and the failure is logged.
 */
public final class FeelExpressions {

  private static final Logger log = LoggerFactory.getLogger(FeelExpressions.class);
  // the engine is stateless and costly to build: one for the application
  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

  public static boolean isExpression(String text) {
    return text != null && text.startsWith("=");
  }

  /** The value of the expression (with or without the leading {@code =}), or null on failure. */
  public Object evaluate(String expression, Map<String, Object> context) {
    String feel = isExpression(expression) ? expression.substring(1) : expression;
    EvaluationResult result = ENGINE.evaluateExpression(feel, context);
    if (result.isFailure()) {
      log.debug("FEEL expression '{}' failed: {}", feel, result);
      return null;
    }
    return result.result();
  }

  /** True only when the expression evaluates to boolean true. */
  public boolean isTrue(String expression, Map<String, Object> context) {
    return Boolean.TRUE.equals(evaluate(expression, context));
  }
}
