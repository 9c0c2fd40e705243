package io.partnerflow.engine.state;

import java.util.List;

/**
 * The condition a search puts on one field, as the Camunda API's filter objects express it ({@code
 * {"$eq": .., "$in": [..], ...}}) or a plain value (= {@code $eq}). Every part that is set must
 * hold; unset parts (null, empty lists) do not constrain. Free of SQL: {@link SqlWhere} turns it
 * into a condition on a column.
 *
 * @param like a pattern with the API's wildcards: {@code *} any characters, {@code ?} one
 *     character, {@code \} escapes the next character
 */
public record FieldFilter<T>(
    T eq, T neq, Boolean exists, List<T> in, List<T> notIn, String like, T gt, T gte, T lt, T lte) {

  public FieldFilter {
    in = in == null ? List.of() : List.copyOf(in);
    notIn = notIn == null ? List.of() : List.copyOf(notIn);
  }

  public static <T> FieldFilter<T> none() {
    return new FieldFilter<>(null, null, null, null, null, null, null, null, null, null);
  }

  public static <T> FieldFilter<T> equalTo(T value) {
    return new FieldFilter<>(value, null, null, null, null, null, null, null, null, null);
  }

  public static <T> FieldFilter<T> oneOf(List<T> values) {
    return new FieldFilter<>(null, null, null, values, null, null, null, null, null, null);
  }

  /** True when nothing is constrained. */
  public boolean isEmpty() {
    return eq == null
        && neq == null
        && exists == null
        && in.isEmpty()
        && notIn.isEmpty()
        && like == null
        && gt == null
        && gte == null
        && lt == null
        && lte == null;
  }
}
