package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.SearchResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionSearchTest extends EngineScenarioTest {

  private final String id = UUID.randomUUID().toString().substring(0, 8);

  /** Deploys three versions of the tier DRG; returns the decisions of the last one. */
  private List<Decision> deployThreeVersions() {
    String xml = DmnFixtures.dmn("partner-tier", id);
    List<Decision> last = null;
    for (int bonus : new int[] {10, 20, 30}) {
      last =
          client
              .newDeployResourceCommand()
              .addResourceString(
                  xml.replace("then 10 else 0", "then " + bonus + " else 0"),
                  StandardCharsets.UTF_8,
                  "partner-tier.dmn")
              .send()
              .join()
              .getDecisions();
    }
    return last;
  }

  @Test
  void shouldFilterSortAndPageDecisionDefinitions() {
    // given
    deployThreeVersions();

    // when
    SearchResponse<DecisionDefinition> page =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionDefinitionId("tier-" + id))
            .sort(s -> s.version().desc())
            .page(p -> p.from(1).limit(1))
            .send()
            .join();
    SearchResponse<DecisionDefinition> byRequirements =
        client
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionRequirementsId("tiers-" + id).version(3))
            .sort(s -> s.decisionDefinitionId().asc())
            .send()
            .join();

    // then
    assertThat(page.page().totalItems()).isEqualTo(3);
    assertThat(page.items())
        .extracting(DecisionDefinition::getDmnDecisionId, DecisionDefinition::getVersion)
        .containsExactly(tuple("tier-" + id, 2));
    assertThat(byRequirements.items())
        .extracting(DecisionDefinition::getDmnDecisionId)
        .containsExactly("bonus-" + id, "tier-" + id);
    assertThat(byRequirements.items())
        .allSatisfy(
            d -> {
              assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("tiers-" + id);
              assertThat(d.getVersion()).isEqualTo(3);
            });
  }

  @Test
  void shouldFilterLatestVersions() throws Exception {
    // given
    deployThreeVersions();
    String filter = "\"decisionRequirementsId\":{\"$eq\":\"tiers-" + id + "\",\"$in\":[]}";

    // when: the 8.8 client has no isLatestVersion filter, so send the request directly
    String latest = search("{\"filter\":{" + filter + ",\"isLatestVersion\":true}}");
    String older = search("{\"filter\":{" + filter + ",\"isLatestVersion\":false}}");

    // then
    assertThat(latest).contains("\"totalItems\":2").contains("\"version\":3");
    assertThat(latest).doesNotContain("\"version\":1").doesNotContain("\"version\":2");
    assertThat(older).contains("\"totalItems\":4").doesNotContain("\"version\":3");
  }

  private String search(String json) throws Exception {
    String credential = USERNAME + ":" + PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v2/decision-definitions/search"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credential.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void shouldGetADecisionDefinitionAndItsXml() {
    // given
    Decision tier =
        deployThreeVersions().stream()
            .filter(d -> d.getDmnDecisionId().equals("tier-" + id))
            .findFirst()
            .get();

    // when
    DecisionDefinition definition =
        client.newDecisionDefinitionGetRequest(tier.getDecisionKey()).send().join();
    String xml = client.newDecisionDefinitionGetXmlRequest(tier.getDecisionKey()).send().join();

    // then
    assertThat(definition.getDecisionKey()).isEqualTo(tier.getDecisionKey());
    assertThat(definition.getDmnDecisionName()).isEqualTo("Partner tier");
    assertThat(definition.getVersion()).isEqualTo(3);
    assertThat(definition.getDecisionRequirementsKey())
        .isEqualTo(tier.getDecisionRequirementsKey());
    assertThat(xml).contains("id=\"tier-" + id + "\"").contains("then 30 else 0");
  }

  @Test
  void shouldSearchAndGetDecisionRequirementsWithTheirXml() {
    // given
    long latestKey = deployThreeVersions().get(0).getDecisionRequirementsKey();

    // when
    SearchResponse<io.camunda.client.api.search.response.DecisionRequirements> latest =
        client
            .newDecisionRequirementsSearchRequest()
            .filter(f -> f.decisionRequirementsId("tiers-" + id))
            .sort(s -> s.version().desc())
            .page(p -> p.limit(1))
            .send()
            .join();
    var byKey = client.newDecisionRequirementsGetRequest(latestKey).send().join();
    String xml = client.newDecisionRequirementsGetXmlRequest(latestKey).send().join();

    // then
    assertThat(latest.page().totalItems()).isEqualTo(3);
    assertThat(latest.items())
        .extracting(
            r -> r.getDecisionRequirementsKey(),
            r -> r.getVersion(),
            r -> r.getDmnDecisionRequirementsName(),
            r -> r.getResourceName())
        .containsExactly(tuple(latestKey, 3, "Partner tiers", "partner-tier.dmn"));
    assertThat(byKey.getDmnDecisionRequirementsId()).isEqualTo("tiers-" + id);
    assertThat(xml).contains("then 30 else 0");
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownKey() {
    assertThatThrownBy(() -> client.newDecisionDefinitionGetRequest(42L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
