package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.EvaluatedDecisionInput;
import io.camunda.client.api.response.EvaluatedDecisionOutput;
import io.camunda.client.api.response.MatchedDecisionRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionEvaluationTest extends EngineScenarioTest {

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  private List<Decision> deployDmn(String name, String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, name + ".dmn")
        .send()
        .join()
        .getDecisions();
  }

  private EvaluateDecisionResponse evaluate(String decisionId, Map<String, Object> variables) {
    return client
        .newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(variables)
        .send()
        .join();
  }

  @Test
  void shouldEvaluateLatestVersionByIdWithRequiredDecisionsAndMatchedRules() {
    // given
    List<Decision> deployed = deployDmn("partner-tier", DmnFixtures.dmn("partner-tier", id));
    Decision tier =
        deployed.stream().filter(d -> d.getDmnDecisionId().equals("tier-" + id)).findFirst().get();

    // when: 75 + 10 (referred) = 85
    EvaluateDecisionResponse response =
        evaluate("tier-" + id, Map.of("score", 75, "referred", true));

    // then
    assertThat(response.getDecisionOutput()).isEqualTo("\"gold\"");
    assertThat(response.getDecisionId()).isEqualTo("tier-" + id);
    assertThat(response.getDecisionKey()).isEqualTo(tier.getDecisionKey());
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionName()).isEqualTo("Partner tier");
    assertThat(response.getDecisionRequirementsId()).isEqualTo("tiers-" + id);
    assertThat(response.getDecisionRequirementsKey()).isEqualTo(tier.getDecisionRequirementsKey());
    assertThat(response.getFailedDecisionId()).isEmpty();
    assertThat(response.getFailureMessage()).isEmpty();
    assertThat(response.getDecisionEvaluationKey()).isPositive();

    // the required literal expression first, then the decision table
    assertThat(response.getEvaluatedDecisions())
        .extracting(
            EvaluatedDecision::getDecisionId,
            EvaluatedDecision::getDecisionType,
            EvaluatedDecision::getDecisionOutput)
        .containsExactly(
            tuple("bonus-" + id, "LITERAL_EXPRESSION", "10"),
            tuple("tier-" + id, "DECISION_TABLE", "\"gold\""));
    EvaluatedDecision table = response.getEvaluatedDecisions().get(1);
    assertThat(table.getDecisionKey()).isEqualTo(tier.getDecisionKey());
    assertThat(table.getEvaluatedInputs())
        .extracting(
            EvaluatedDecisionInput::getInputId,
            EvaluatedDecisionInput::getInputName,
            EvaluatedDecisionInput::getInputValue)
        .containsExactly(tuple("scoreInput", "Score", "85"));
    assertThat(table.getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleId, MatchedDecisionRule::getRuleIndex)
        .containsExactly(tuple("goldRule", 1));
    assertThat(table.getMatchedRules().get(0).getEvaluatedOutputs())
        .extracting(
            EvaluatedDecisionOutput::getOutputId,
            EvaluatedDecisionOutput::getOutputName,
            EvaluatedDecisionOutput::getOutputValue)
        .containsExactly(tuple("tierOutput", "tier", "\"gold\""));
  }

  @Test
  void shouldEvaluateExactlyTheVersionGivenByKey() {
    // given: version 1 gives no bonus, version 2 (latest) a bonus of 40
    String v1 = DmnFixtures.dmn("partner-tier", id).replace("then 10 else 0", "then 0 else 0");
    long v1Key =
        deployDmn("partner-tier", v1).stream()
            .filter(d -> d.getDmnDecisionId().equals("tier-" + id))
            .findFirst()
            .get()
            .getDecisionKey();
    deployDmn("partner-tier", v1.replace("then 0 else 0", "then 40 else 40"));

    // when
    EvaluateDecisionResponse byKey =
        client
            .newEvaluateDecisionCommand()
            .decisionKey(v1Key)
            .variables(Map.of("score", 55))
            .send()
            .join();
    EvaluateDecisionResponse byId = evaluate("tier-" + id, Map.of("score", 55));

    // then
    assertThat(byKey.getDecisionVersion()).isEqualTo(1);
    assertThat(byKey.getDecisionOutput()).isEqualTo("\"silver\"");
    assertThat(byKey.getEvaluatedDecisions().get(1).getMatchedRules().get(0).getRuleIndex())
        .isEqualTo(2);
    assertThat(byId.getDecisionVersion()).isEqualTo(2);
    assertThat(byId.getDecisionOutput()).isEqualTo("\"gold\"");
  }

  @Test
  void shouldCollectEveryMatchingRuleIntoAList() {
    // given
    deployDmn("partner-tags", DmnFixtures.dmn("partner-tags", id));

    // when
    EvaluateDecisionResponse response =
        evaluate("tags-" + id, Map.of("type", "reseller", "revenue", 2_000_000));

    // then
    assertThat(response.getDecisionOutput()).isEqualTo("[\"channel\",\"strategic\"]");
    assertThat(response.getEvaluatedDecisions().get(0).getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleId, MatchedDecisionRule::getRuleIndex)
        .containsExactly(tuple("resellerRule", 1), tuple("bigRule", 2));
  }

  @Test
  void shouldAggregateACollectWithSum() {
    // given
    deployDmn("partner-points", DmnFixtures.dmn("partner-points", id));

    // when
    EvaluateDecisionResponse response =
        evaluate("points-" + id, Map.of("type", "reseller", "revenue", 2_000_000));

    // then: 10 + 25.5
    assertThat(response.getDecisionOutput()).isEqualTo("35.5");
    assertThat(response.getEvaluatedDecisions().get(0).getMatchedRules()).hasSize(2);
  }

  @Test
  void shouldReturnAContextForTwoOutputsAndNullWhenNoRuleMatches() {
    // dmn-scala (as in Camunda 8) answers null when no rule matches, for every hit policy
    // given
    deployDmn("partner-terms", DmnFixtures.dmn("partner-terms", id));
    deployDmn("partner-tags", DmnFixtures.dmn("partner-tags", id));

    // when
    EvaluateDecisionResponse terms =
        evaluate("terms-" + id, Map.of("partner", Map.of("revenue", 2500)));
    EvaluateDecisionResponse noTags =
        evaluate("tags-" + id, Map.of("type", "referral", "revenue", 10));

    // then
    assertThat(terms.getDecisionOutput()).isEqualTo("{\"tier\":\"gold\",\"discount\":0.15}");
    assertThat(noTags.getDecisionOutput()).isEqualTo("null");
    assertThat(noTags.getEvaluatedDecisions().get(0).getMatchedRules()).isEmpty();
  }

  @Test
  void shouldReportAFailedEvaluationInTheResponse() {
    // given: a unique hit policy with overlapping rules
    deployDmn("ambiguous", DmnFixtures.dmn("ambiguous", id));

    // when
    EvaluateDecisionResponse response = evaluate("ambiguous-" + id, Map.of("score", 70));

    // then
    assertThat(response.getFailedDecisionId()).isEqualTo("ambiguous-" + id);
    assertThat(response.getFailureMessage())
        .startsWith("Expected to evaluate decision 'ambiguous-" + id + "', but")
        .contains("UNIQUE");
    assertThat(response.getDecisionOutput()).isEqualTo("null");
  }

  @Test
  void shouldNameTheRequiredDecisionThatFailed() {
    // given
    deployDmn("ambiguous", DmnFixtures.dmn("ambiguous", id));

    // when
    EvaluateDecisionResponse failed = evaluate("shout-" + id, Map.of("score", 70));
    EvaluateDecisionResponse passed = evaluate("shout-" + id, Map.of("score", 10));

    // then
    assertThat(failed.getDecisionId()).isEqualTo("shout-" + id);
    assertThat(failed.getFailedDecisionId()).isEqualTo("ambiguous-" + id);
    assertThat(failed.getFailureMessage()).startsWith("Expected to evaluate decision 'shout-" + id);
    assertThat(passed.getFailedDecisionId()).isEmpty();
    assertThat(passed.getDecisionOutput()).isEqualTo("\"SOME\"");
    assertThat(passed.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactly("ambiguous-" + id, "shout-" + id);
  }

  @Test
  void shouldWriteTemporalValuesAsIsoText() {
    // given
    deployDmn("temporal", DmnFixtures.dmn("temporal", id));

    // when
    EvaluateDecisionResponse response =
        evaluate("renewal-" + id, Map.of("certified", "2026-02-28"));

    // then
    assertThat(response.getDecisionOutput())
        .isEqualTo("{\"due\":\"2027-02-28\",\"grace\":\"P30D\",\"discount\":0.125}");
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownDecision() {
    assertThatThrownBy(() -> evaluate("no-such-decision-" + id, Map.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getDetail()).contains("no-such-decision-" + id);
            });
    assertThatThrownBy(
            () ->
                client
                    .newEvaluateDecisionCommand()
                    .decisionKey(1L)
                    .variables(Map.of())
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldRejectVariablesThatAreNotAnObject() throws Exception {
    // given
    deployDmn("partner-terms", DmnFixtures.dmn("partner-terms", id));

    // when: the client itself refuses such variables, so send the request directly
    HttpResponse<String> list =
        post("{\"decisionDefinitionId\":\"terms-" + id + "\",\"variables\":[1,2]}");
    HttpResponse<String> neither = post("{\"variables\":{}}");
    HttpResponse<String> valid =
        post(
            "{\"decisionDefinitionId\":\"terms-"
                + id
                + "\",\"variables\":{\"partner\":{\"revenue\":5}},\"unknownField\":1}");

    // then
    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.body()).contains("decisionDefinitionId");
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(valid.body()).contains("\"output\":\"{\\\"tier\\\":\\\"standard\\\"");
  }

  private HttpResponse<String> post(String json) throws Exception {
    String credential = USERNAME + ":" + PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v2/decision-definitions/evaluation"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
