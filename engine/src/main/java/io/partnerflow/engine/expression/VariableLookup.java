package io.partnerflow.engine.expression;

import java.util.Map;

/**
 * The variables an expression sees: name → value as Java object (Map, List, String, Number,
 * Boolean, null). Inner scopes shadow outer ones; the caller has already merged them.
 */
@FunctionalInterface
public interface VariableLookup {

  Map<String, Object> variables();
}
