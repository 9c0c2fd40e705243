package io.partnerflow.app.enablement.learning.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.security.PortalRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The learning plan of one person: decision {@code learning-plan} (bpmn/learning-plan.dmn, the
 * catalogue's) evaluated on the engine through the client with the partner's type and tier and the
 * person's portal role, so ops can change the table without a release.
 */
@Component
class LearningPlans {

  static final String DECISION = "learning-plan";

  private final CamundaClient client;
  private final ObjectMapper json;

  LearningPlans(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  /** The courses a person needs and whether they are needed before the partner is active. */
  record Plan(Set<String> courseCodes, boolean requiredBeforeActive) {}

  Plan planFor(Partner partner, Set<PortalRole> roles) {
    Set<String> courses = new LinkedHashSet<>();
    boolean before = false;
    for (String role : decisionRoles(roles)) {
      String output =
          client
              .newEvaluateDecisionCommand()
              .decisionId(DECISION)
              .variables(
                  Map.of(
                      "partnerType", partner.type().name(),
                      "partnerTier", partner.tier().name(),
                      "role", role))
              .send()
              .join()
              .getDecisionOutput();
      Plan plan = parse(output);
      courses.addAll(plan.courseCodes());
      before |= plan.requiredBeforeActive();
    }
    return new Plan(courses, before);
  }

  /** The portal roles the table distinguishes: sales and technical; everybody else is "any". */
  static List<String> decisionRoles(Set<PortalRole> roles) {
    List<String> decision = new ArrayList<>();
    if (roles.contains(PortalRole.SALES)) {
      decision.add("sales");
    }
    if (roles.contains(PortalRole.TECHNICAL)) {
      decision.add("technical");
    }
    if (decision.isEmpty()) {
      decision.add("any");
    }
    return decision;
  }

  /** One rule's output (an object) or several (a list of objects, hit policy COLLECT). */
  Plan parse(String output) {
    try {
      JsonNode node = json.readTree(output == null ? "null" : output);
      Set<String> courses = new LinkedHashSet<>();
      boolean before = false;
      List<JsonNode> rows = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(rows::add);
      } else if (node.isObject()) {
        rows.add(node);
      }
      for (JsonNode row : rows) {
        courses.addAll(codes(row.get("courses")));
        before |= row.path("requiredBeforeActive").asBoolean(false);
      }
      return new Plan(courses, before);
    } catch (Exception e) {
      throw new IllegalStateException("The learning-plan decision gave an unreadable output", e);
    }
  }

  private static List<String> codes(JsonNode courses) {
    List<String> codes = new ArrayList<>();
    if (courses == null || courses.isNull()) {
      return codes;
    }
    if (courses.isArray()) {
      courses.forEach(code -> codes.add(code.asText().trim()));
    } else {
      for (String code : courses.asText().split(",")) {
        codes.add(code.trim());
      }
    }
    codes.removeIf(String::isBlank);
    return codes;
  }
}
