package io.partnerflow.engine.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValDate;
import org.camunda.feel.syntaxtree.ValDateTime;
import org.camunda.feel.syntaxtree.ValDayTimeDuration;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValLocalDateTime;
import org.camunda.feel.syntaxtree.ValLocalTime;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.syntaxtree.ValTime;
import org.camunda.feel.syntaxtree.ValYearMonthDuration;
import org.camunda.feel.syntaxtree.ZonedTime;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns FEEL values (and the Scala collections dmn-scala returns) into plain JSON-ready Java: Map,
 * List, String, Long or BigDecimal, Boolean, null. Dates and times become their ISO-8601 text,
 * durations their FEEL text ({@code P30D}, {@code P1Y2M}).
 */
final class DmnValues {

  private DmnValues() {}

  static Object toJava(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Val val) {
      return fromVal(val);
    }
    if (value instanceof Option<?> option) {
      return option.isDefined() ? toJava(option.get()) : null;
    }
    if (value instanceof scala.math.BigDecimal decimal) {
      return number(decimal.bigDecimal());
    }
    if (value instanceof BigDecimal decimal) {
      return number(decimal);
    }
    if (value instanceof BigInteger integer) {
      return number(new BigDecimal(integer));
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return map(CollectionConverters.asJava(map));
    }
    if (value instanceof Map<?, ?> map) {
      return map(map);
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      return list(CollectionConverters.asJava(iterable));
    }
    if (value instanceof Iterable<?> iterable) {
      return list(iterable);
    }
    if (value instanceof ZonedTime time) {
      return time.format();
    }
    if (value instanceof Duration duration) {
      return ValDayTimeDuration.format(duration);
    }
    if (value instanceof Period period) {
      return ValYearMonthDuration.format(period);
    }
    if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
      return value.toString();
    }
    return value;
  }

  private static Object fromVal(Val val) {
    if (val instanceof ValNumber number) {
      return number(number.value().bigDecimal());
    }
    if (val instanceof ValString string) {
      return string.value();
    }
    if (val instanceof ValBoolean bool) {
      return bool.value();
    }
    if (val instanceof ValList list) {
      return list(CollectionConverters.asJava(list.items()));
    }
    if (val instanceof ValContext context) {
      return map(CollectionConverters.asJava(context.context().variableProvider().getVariables()));
    }
    if (val instanceof ValDate date) {
      return date.value().toString();
    }
    if (val instanceof ValLocalTime time) {
      return time.value().toString();
    }
    if (val instanceof ValTime time) {
      return time.value().format();
    }
    if (val instanceof ValLocalDateTime dateTime) {
      return dateTime.value().toString();
    }
    if (val instanceof ValDateTime dateTime) {
      return dateTime.value().toString();
    }
    if (val instanceof ValDayTimeDuration duration) {
      return ValDayTimeDuration.format(duration.value());
    }
    if (val instanceof ValYearMonthDuration duration) {
      return ValYearMonthDuration.format(duration.value());
    }
    // null, errors, functions and ranges have no JSON form
    return null;
  }

  /** Whole numbers become Long so that JSON shows 3, not 3.0 (as FeelEvaluator does). */
  private static Object number(BigDecimal decimal) {
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException notWhole) {
      return decimal.stripTrailingZeros();
    }
  }

  private static Map<String, Object> map(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(String.valueOf(key), toJava(value)));
    return result;
  }

  private static List<Object> list(Iterable<?> iterable) {
    List<Object> result = new ArrayList<>();
    iterable.forEach(item -> result.add(toJava(item)));
    return result;
  }
}
