package io.partnerflow.engine.expression;

import io.partnerflow.engine.state.EngineClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/** Evaluates {@link Expression}s with the FEEL engine; parsed expressions are cached. */
@Component
public class FeelEvaluator {

  private final FeelEngineApi feel;
  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

  /** FEEL's {@code now()} and {@code today()} follow the engine clock (pinned by /v2/clock). */
  public FeelEvaluator(EngineClock clock) {
    this.feel =
        FeelEngineBuilder.forJava()
            .withClock(() -> ZonedDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
            .build();
  }

  /** Throws when a FEEL expression does not parse (deployment-time check). */
  public void check(Expression expression) {
    if (expression != null && expression.feel()) {
      parse(expression.source());
    }
  }

  public Object evaluate(Expression expression, VariableLookup lookup) {
    if (!expression.feel()) {
      return expression.source();
    }
    EvaluationResult result = feel.evaluate(parse(expression.source()), lookup.variables());
    if (result.isFailure()) {
      String message =
          result instanceof FailedEvaluationResult failed
              ? failed.failure().message()
              : String.valueOf(result);
      throw new ExpressionException(
          "failed to evaluate expression '%s': %s".formatted(expression.source(), message));
    }
    return normalize(result.result());
  }

  public boolean evaluateBoolean(Expression expression, VariableLookup lookup) {
    Object value = evaluate(expression, lookup);
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' to be 'BOOLEAN', but was '%s'"
            .formatted(expression.source(), typeName(value)));
  }

  public String evaluateString(Expression expression, VariableLookup lookup) {
    Object value = evaluate(expression, lookup);
    if (value instanceof String string) {
      return string;
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' to be 'STRING', but was '%s'"
            .formatted(expression.source(), typeName(value)));
  }

  public long evaluateLong(Expression expression, VariableLookup lookup) {
    Object value = evaluate(expression, lookup);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String string) {
      try {
        return Long.parseLong(string.strip());
      } catch (NumberFormatException e) {
        // fall through to the type error
      }
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' to be 'NUMBER', but was '%s'"
            .formatted(expression.source(), typeName(value)));
  }

  /** A list (e.g. a multi-instance input collection); numbers inside normalized as at the top. */
  public List<Object> evaluateList(Expression expression, VariableLookup lookup) {
    Object value = evaluate(expression, lookup);
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(normalizeDeep(item));
      }
      return items;
    }
    throw new ExpressionException(
        "Expected result of the expression '%s' to be 'ARRAY', but was '%s'"
            .formatted(expression.source(), typeName(value)));
  }

  private ParsedExpression parse(String source) {
    ParsedExpression cached = parsed.get(source);
    if (cached != null) {
      return cached;
    }
    ParseResult result = feel.parseExpression(source);
    if (result.isFailure()) {
      throw new ExpressionException(
          "failed to parse expression '%s': %s".formatted(source, result));
    }
    parsed.put(source, result.parsedExpression());
    return result.parsedExpression();
  }

  /** FEEL numbers come back as BigDecimal; whole numbers become Long so JSON shows 3, not 3.0. */
  private static Object normalize(Object value) {
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException notWhole) {
        return decimal.stripTrailingZeros();
      }
    }
    if (value instanceof BigInteger integer) {
      return integer.longValue();
    }
    return value;
  }

  private static Object normalizeDeep(Object value) {
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(normalizeDeep(item)));
      return items;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      map.forEach((key, item) -> entries.put(key, normalizeDeep(item)));
      return entries;
    }
    return normalize(value);
  }

  private static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number) {
      return "NUMBER";
    }
    if (value instanceof String) {
      return "STRING";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof Map) {
      return "OBJECT";
    }
    if (value instanceof Iterable) {
      return "ARRAY";
    }
    return value.getClass().getSimpleName();
  }
}
