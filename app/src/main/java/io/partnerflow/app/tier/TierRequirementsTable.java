package io.partnerflow.app.tier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.PartnerTier;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code bpmn/tier-requirements.dmn} (decision {@code tier-requirements}, hit policy
 * COLLECT), evaluated by the engine through the client: ops edit the table, the app reads what is
 * deployed.
 */
@Component
public class TierRequirementsTable {

  /** The decision's id. */
  public static final String DECISION = "tier-requirements";

  private final CamundaClient client;
  private final ObjectMapper json;

  TierRequirementsTable(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  /** Every requirement row the deployed table gives for the partner's facts. */
  public List<TierRequirement> evaluate(PartnerFacts facts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealRevenue", facts.dealRevenue());
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId(DECISION)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput();
    try {
      return rows(json.readValue(output, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The tier requirements table gave no list: " + output, e);
    }
  }

  /**
   * The rows of a decision result as the engine gives it (a list of rows; null when no row matched;
   * a single row when an editor changed the hit policy).
   */
  public static List<TierRequirement> rows(Object result) {
    if (result == null) {
      return List.of();
    }
    Collection<?> rows = result instanceof Collection<?> list ? list : List.of(result);
    return rows.stream()
        .map(row -> (Map<?, ?>) row)
        .map(
            row ->
                new TierRequirement(
                    PartnerTier.valueOf(String.valueOf(row.get("tier"))),
                    String.valueOf(row.get("requirement")),
                    row.get("certification") == null
                        ? null
                        : String.valueOf(row.get("certification")),
                    ((Number) row.get("required")).longValue()))
        .toList();
  }
}
