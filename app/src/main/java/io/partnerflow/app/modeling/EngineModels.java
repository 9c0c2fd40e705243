package io.partnerflow.app.modeling;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionRequirements;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the engine holds, asked through the Camunda client: the latest version of each process and
 * decision model, and a version's XML. Forms have no search in the API; the app's own deployment
 * records stand in for them.
 */
@Component
class EngineModels {

  private static final int PAGE = 1000;

  private final CamundaClient client;

  EngineModels(CamundaClient client) {
    this.client = client;
  }

  /** One entry per model: its latest version in the engine. */
  Map<ModelRef, Latest> latestVersions() {
    Map<ModelRef, Latest> latest = new LinkedHashMap<>();
    List<ProcessDefinition> processes =
        client
            .newProcessDefinitionSearchRequest()
            .filter(filter -> filter.isLatestVersion(true))
            .page(page -> page.limit(PAGE))
            .send()
            .join()
            .items();
    for (ProcessDefinition process : processes) {
      latest.merge(
          new ModelRef(Kind.PROCESS, process.getProcessDefinitionId()),
          new Latest(process.getVersion(), process.getProcessDefinitionKey(), process.getName()),
          Latest::newer);
    }
    List<DecisionRequirements> decisions =
        client
            .newDecisionRequirementsSearchRequest()
            .page(page -> page.limit(PAGE))
            .send()
            .join()
            .items();
    for (DecisionRequirements drg : decisions) {
      ModelRef.ofResourceName(drg.getResourceName())
          .filter(ref -> ref.kind() == Kind.DECISION)
          .ifPresent(
              ref ->
                  latest.merge(
                      ref,
                      new Latest(
                          drg.getVersion(),
                          drg.getDecisionRequirementsKey(),
                          drg.getDmnDecisionRequirementsName()),
                      Latest::newer));
    }
    return latest;
  }

  /** The latest version of one model (0 when the engine has none). */
  Optional<Latest> latest(ModelRef ref) {
    return switch (ref.kind()) {
      case PROCESS ->
          client
              .newProcessDefinitionSearchRequest()
              .filter(filter -> filter.processDefinitionId(ref.id()).isLatestVersion(true))
              .sort(sort -> sort.version().desc())
              .page(page -> page.limit(1))
              .send()
              .join()
              .items()
              .stream()
              .findFirst()
              .map(p -> new Latest(p.getVersion(), p.getProcessDefinitionKey(), p.getName()));
      case DECISION ->
          client
              .newDecisionRequirementsSearchRequest()
              .filter(filter -> filter.resourceName(ref.resourceName()))
              .page(page -> page.limit(PAGE))
              .send()
              .join()
              .items()
              .stream()
              .max(Comparator.comparingInt(DecisionRequirements::getVersion))
              .map(
                  d ->
                      new Latest(
                          d.getVersion(),
                          d.getDecisionRequirementsKey(),
                          d.getDmnDecisionRequirementsName()));
      case FORM -> Optional.empty();
    };
  }

  /** The XML of an engine version, for a model deployed by somebody other than this app. */
  String xml(ModelRef ref, long key) {
    return switch (ref.kind()) {
      case PROCESS -> client.newProcessDefinitionGetXmlRequest(key).send().join();
      case DECISION -> client.newDecisionRequirementsGetXmlRequest(key).send().join();
      case FORM -> throw new IllegalArgumentException("The engine API serves no form by key");
    };
  }

  /** A model's latest version in the engine. */
  record Latest(int version, long key, String name) {

    Latest newer(Latest other) {
      return other.version > version ? other : this;
    }
  }
}
