package io.partnerflow.engine.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Variables by scope (an element instance key); values are JSON text. */
@Repository
public class VariableRepository {

  private final JdbcClient jdbc;
  private final KeyGenerator keys;

  public VariableRepository(JdbcClient jdbc, KeyGenerator keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  public Optional<String> find(long scopeKey, String name) {
    return jdbc.sql("SELECT value FROM engine.variable WHERE scope_key = ? AND name = ?")
        .params(scopeKey, name)
        .query(String.class)
        .optional();
  }

  /** name → JSON value of the variables local to one scope. */
  public Map<String, String> findByScope(long scopeKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    jdbc.sql("SELECT name, value FROM engine.variable WHERE scope_key = ? ORDER BY name")
        .param(scopeKey)
        .query(
            rs -> {
              variables.put(rs.getString("name"), rs.getString("value"));
            });
    return variables;
  }

  /**
   * name → JSON value of every variable visible from an element instance: its own, then its flow
   * scopes' out to the process instance, inner ones shadowing outer ones.
   */
  public Map<String, String> findVisible(long elementInstanceKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    jdbc.sql(
            "WITH RECURSIVE chain (key, flow_scope_key, depth) AS ("
                + " SELECT key, flow_scope_key, 0 FROM engine.element_instance WHERE key = ?"
                + " UNION ALL SELECT e.key, e.flow_scope_key, c.depth + 1"
                + " FROM engine.element_instance e JOIN chain c ON e.key = c.flow_scope_key)"
                + " SELECT DISTINCT ON (v.name) v.name, v.value FROM engine.variable v"
                + " JOIN chain c ON v.scope_key = c.key ORDER BY v.name, c.depth")
        .param(elementInstanceKey)
        .query(
            rs -> {
              variables.put(rs.getString("name"), rs.getString("value"));
            });
    return variables;
  }

  /**
   * {@link #findVisible} for several element instances in one round trip: element instance key →
   * (name → JSON value); every requested key has an entry.
   */
  public Map<Long, Map<String, String>> findVisibleForAll(Collection<Long> elementInstanceKeys) {
    Map<Long, Map<String, String>> visible = new HashMap<>();
    elementInstanceKeys.forEach(key -> visible.put(key, new LinkedHashMap<>()));
    if (elementInstanceKeys.isEmpty()) {
      return visible;
    }
    jdbc.sql(
            "WITH RECURSIVE chain (origin, key, flow_scope_key, depth) AS ("
                + " SELECT key, key, flow_scope_key, 0 FROM engine.element_instance"
                + " WHERE key = ANY(?::bigint[])"
                + " UNION ALL SELECT c.origin, e.key, e.flow_scope_key, c.depth + 1"
                + " FROM engine.element_instance e JOIN chain c ON e.key = c.flow_scope_key)"
                + " SELECT DISTINCT ON (c.origin, v.name) c.origin, v.name, v.value"
                + " FROM engine.variable v JOIN chain c ON v.scope_key = c.key"
                + " ORDER BY c.origin, v.name, c.depth")
        // one array parameter, not IN (?, ?, ...): one SQL text for any number of keys, so that
        // PostgreSQL parses and plans it once per connection (server-side prepared)
        .param(elementInstanceKeys.toArray(Long[]::new))
        .query(
            rs -> {
              visible.get(rs.getLong("origin")).put(rs.getString("name"), rs.getString("value"));
            });
    return visible;
  }

  public void set(long scopeKey, long processInstanceKey, String name, String jsonValue) {
    jdbc.sql(
            "INSERT INTO engine.variable (key, name, value, scope_key, process_instance_key)"
                + " VALUES (?,?,?,?,?) ON CONFLICT (scope_key, name)"
                + " DO UPDATE SET value = EXCLUDED.value")
        .params(keys.next(), name, jsonValue, scopeKey, processInstanceKey)
        .update();
  }

  /** {@link #set} for several variables of one scope in one round trip (name → JSON value). */
  public void setAll(long scopeKey, long processInstanceKey, Map<String, String> jsonValues) {
    if (jsonValues.isEmpty()) {
      return;
    }
    if (jsonValues.size() == 1) {
      jsonValues.forEach((name, value) -> set(scopeKey, processInstanceKey, name, value));
      return;
    }
    Long[] variableKeys = new Long[jsonValues.size()];
    for (int i = 0; i < variableKeys.length; i++) {
      variableKeys[i] = keys.next();
    }
    jdbc.sql(
            "INSERT INTO engine.variable (key, name, value, scope_key, process_instance_key)"
                + " SELECT k, n, v, ?, ? FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t(k, n, v)"
                + " ON CONFLICT (scope_key, name) DO UPDATE SET value = EXCLUDED.value")
        .params(
            scopeKey,
            processInstanceKey,
            variableKeys,
            jsonValues.keySet().toArray(String[]::new),
            jsonValues.values().toArray(String[]::new))
        .update();
  }

  public void deleteScope(long scopeKey) {
    jdbc.sql("DELETE FROM engine.variable WHERE scope_key = ?").param(scopeKey).update();
  }
}
