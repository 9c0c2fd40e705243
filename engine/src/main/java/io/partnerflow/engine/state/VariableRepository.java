package io.partnerflow.engine.state;

import io.partnerflow.engine.state.writebehind.WriteBehind;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Variables by scope (an element instance key); values are JSON text. */
@EngineRepository
public class VariableRepository {

  private final JdbcClient jdbc;
  private final KeyGenerator keys;
  private final WriteBehind writes;

  public VariableRepository(JdbcClient jdbc, KeyGenerator keys, WriteBehind writes) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.writes = writes;
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
    return findVisibleForAll(List.of(elementInstanceKey)).get(elementInstanceKey);
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
    // every step is a lookup by key (the LATERAL subqueries with OFFSET 0 are not flattened into
    // joins): the generic plan that PostgreSQL caches for this statement early on, while the tables
    // are still small, must not be a hash join that scans them whole on every later execution
    jdbc.sql(
            "WITH RECURSIVE chain (origin, key, flow_scope_key, depth) AS ("
                + " SELECT o.key, o.key, o.flow_scope_key, 0 FROM unnest(?::bigint[]) AS k(key)"
                + " CROSS JOIN LATERAL (SELECT e.key, e.flow_scope_key"
                + " FROM engine.element_instance e WHERE e.key = k.key OFFSET 0) o"
                + " UNION ALL SELECT c.origin, s.key, s.flow_scope_key, c.depth + 1 FROM chain c"
                + " CROSS JOIN LATERAL (SELECT e.key, e.flow_scope_key"
                + " FROM engine.element_instance e WHERE e.key = c.flow_scope_key OFFSET 0) s)"
                + " SELECT DISTINCT ON (c.origin, v.name) c.origin, v.name, v.value FROM chain c"
                + " CROSS JOIN LATERAL (SELECT x.name, x.value FROM engine.variable x"
                + " WHERE x.scope_key = c.key OFFSET 0) v"
                + " ORDER BY c.origin, v.name, c.depth")
        .param(elementInstanceKeys.toArray(Long[]::new))
        .query(
            rs -> {
              visible.get(rs.getLong("origin")).put(rs.getString("name"), rs.getString("value"));
            });
    return visible;
  }

  public void set(long scopeKey, long processInstanceKey, String name, String jsonValue) {
    writes.write(
        "INSERT INTO engine.variable (key, name, value, scope_key, process_instance_key)"
            + " VALUES (?,?,?,?,?) ON CONFLICT (scope_key, name)"
            + " DO UPDATE SET value = EXCLUDED.value",
        keys.next(),
        name,
        jsonValue,
        scopeKey,
        processInstanceKey);
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
    writes.write(
        "INSERT INTO engine.variable (key, name, value, scope_key, process_instance_key)"
            + " SELECT k, n, v, ?, ? FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t(k, n, v)"
            + " ON CONFLICT (scope_key, name) DO UPDATE SET value = EXCLUDED.value",
        scopeKey,
        processInstanceKey,
        variableKeys,
        jsonValues.keySet().toArray(String[]::new),
        jsonValues.values().toArray(String[]::new));
  }

  public void deleteScope(long scopeKey) {
    jdbc.sql("DELETE FROM engine.variable WHERE scope_key = ?").param(scopeKey).update();
  }
}
