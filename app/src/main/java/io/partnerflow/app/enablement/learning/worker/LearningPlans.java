package io.partnerflow.app.enablement.learning.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.security.PortalRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The learning plan of one person: decision {@code learning-plan} (bpmn/learning-plan.dmn, the
 * catalogue's) evaluated on the engine through the client with the partner's type ({@code
 * partnerType}), {@code tier} and the person's portal role ({@code portalRole}), so ops can change
 * the table without a release. Its output is {@code {courses, certifications,
 * requiredBeforeActive}}; certifications are the certification journey's, not assigned here.
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

  /**
   * The union of the plans of the person's portal roles (the table's input {@code portalRole}: each
   * role is evaluated; a person without one is evaluated without a role).
   */
  Plan planFor(Partner partner, Set<PortalRole> roles) {
    Set<String> courses = new LinkedHashSet<>();
    boolean before = false;
    for (String role : decisionRoles(roles)) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("partnerType", partner.type().name());
      variables.put("tier", partner.tier().name());
      variables.put("portalRole", role);
      String output =
          client
              .newEvaluateDecisionCommand()
              .decisionId(DECISION)
              .variables(variables)
              .send()
              .join()
              .getDecisionOutput();
      Plan plan = parse(output);
      courses.addAll(plan.courseCodes());
      before |= plan.requiredBeforeActive();
    }
    return new Plan(courses, before);
  }

  /** The person's portal roles by name, sorted; one null entry for a person without a role. */
  static List<String> decisionRoles(Set<PortalRole> roles) {
    List<String> names = new ArrayList<>(roles.stream().map(PortalRole::name).sorted().toList());
    if (names.isEmpty()) {
      names.add(null);
    }
    return names;
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
