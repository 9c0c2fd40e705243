package io.partnerflow.engine.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tokens that reached a joining gateway through one incoming flow and wait for the others. */
@EngineRepository
public class JoinTokenRepository {

  private final JdbcClient jdbc;

  public JoinTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(long flowScopeKey, String elementId, String flowId, long processInstanceKey) {
    jdbc.sql(
            "INSERT INTO engine.join_token (flow_scope_key, element_id, sequence_flow_id,"
                + " process_instance_key, count) VALUES (?,?,?,?,1)"
                + " ON CONFLICT (flow_scope_key, element_id, sequence_flow_id)"
                + " DO UPDATE SET count = engine.join_token.count + 1")
        .params(flowScopeKey, elementId, flowId, processInstanceKey)
        .update();
  }

  /** sequence flow id → waiting tokens, at one gateway in one flow scope. */
  public Map<String, Integer> waiting(long flowScopeKey, String elementId) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql(
            "SELECT sequence_flow_id, count FROM engine.join_token"
                + " WHERE flow_scope_key = ? AND element_id = ?")
        .params(flowScopeKey, elementId)
        .query(
            rs -> {
              counts.put(rs.getString("sequence_flow_id"), rs.getInt("count"));
            });
    return counts;
  }

  /** Takes one token from each of the given flows (the join fired). */
  public void consumeOne(long flowScopeKey, String elementId, Collection<String> flowIds) {
    for (String flowId : flowIds) {
      jdbc.sql(
              "UPDATE engine.join_token SET count = count - 1 WHERE flow_scope_key = ?"
                  + " AND element_id = ? AND sequence_flow_id = ?")
          .params(flowScopeKey, elementId, flowId)
          .update();
    }
    jdbc.sql(
            "DELETE FROM engine.join_token WHERE flow_scope_key = ? AND element_id = ?"
                + " AND count <= 0")
        .params(flowScopeKey, elementId)
        .update();
  }

  /** Ids of the gateways holding tokens in one flow scope. */
  public Set<String> elementsWaiting(long flowScopeKey) {
    return new HashSet<>(
        jdbc.sql("SELECT DISTINCT element_id FROM engine.join_token WHERE flow_scope_key = ?")
            .param(flowScopeKey)
            .query(String.class)
            .list());
  }

  public boolean anyWaiting(long flowScopeKey) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM engine.join_token WHERE flow_scope_key = ?)")
        .param(flowScopeKey)
        .query(Boolean.class)
        .single();
  }

  public void deleteForScope(long flowScopeKey) {
    jdbc.sql("DELETE FROM engine.join_token WHERE flow_scope_key = ?").param(flowScopeKey).update();
  }
}
