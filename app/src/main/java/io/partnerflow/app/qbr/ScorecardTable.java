package io.partnerflow.app.qbr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The criteria and weights of {@code bpmn/qbr-scorecard.dmn} (decision {@code qbr-scorecard}, hit
 * policy COLLECT), evaluated by the engine through the client: ops change the weights in the table,
 * the app reads what is deployed.
 */
@Component
class ScorecardTable {

  static final String DECISION = "qbr-scorecard";

  private final CamundaClient client;
  private final ObjectMapper json;

  ScorecardTable(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  /** The scorecard for a partner of that type (e.g. {@code RESELLER}). */
  Scorecard forPartnerType(String partnerType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerType", partnerType);
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId(DECISION)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    try {
      return new Scorecard(criteria(json.readValue(output, Object.class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The scorecard table gave no list: " + output, e);
    }
  }

  /** The rows of a decision result (a list; null when nothing matched; one row as a map). */
  static List<Criterion> criteria(Object result) {
    if (result == null) {
      return List.of();
    }
    Collection<?> rows = result instanceof Collection<?> list ? list : List.of(result);
    return rows.stream()
        .map(row -> (Map<?, ?>) row)
        .map(
            row ->
                new Criterion(
                    String.valueOf(row.get("criterion")), ((Number) row.get("weight")).intValue()))
        .toList();
  }
}
