package io.partnerflow.app.modeling;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Deploys BPMN, DMN and form files to whichever engine the Camunda client talks to. All files go in
 * one deployment, so a process and the forms and decisions it links arrive together; the engine
 * keeps the version of every file whose content did not change.
 */
@Service
public class ModelDeploymentService {

  private final CamundaClient client;
  private final ModelProperties properties;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ModelDeploymentService(CamundaClient client, ModelProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  /** The model files of the configured locations, in a stable order. */
  public List<Resource> configuredModels() {
    List<Resource> models = new ArrayList<>();
    for (String location : properties.locations()) {
      try {
        models.addAll(Arrays.asList(resolver.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list models at " + location, e);
      }
    }
    return models;
  }

  /** Deploys one model's content as the resource it is named by. */
  public DeployedModel deploy(ModelRef ref, byte[] content) {
    DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addResourceBytes(content, ref.resourceName())
            .send()
            .join();
    return summarise(event).stream()
        .filter(model -> model.kind() == ref.kind())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The engine deployed nothing for " + ref));
  }

  /**
   * Deploys the given files in one deployment.
   *
   * @throws io.camunda.client.api.command.ClientException when the engine refuses or cannot be
   *     reached; a refusal (400) names the file and the reason
   */
  public List<DeployedModel> deploy(List<Resource> models) {
    if (models.isEmpty()) {
      return List.of();
    }
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 withResources = null;
    for (Resource model : models) {
      withResources =
          (withResources == null ? command : withResources)
              .addResourceBytes(read(model), model.getFilename());
    }
    return summarise(withResources.send().join());
  }

  static byte[] read(Resource model) {
    try (InputStream in = model.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + model.getDescription(), e);
    }
  }

  private static List<DeployedModel> summarise(DeploymentEvent event) {
    List<DeployedModel> deployed = new ArrayList<>();
    event
        .getProcesses()
        .forEach(
            process ->
                deployed.add(
                    new DeployedModel(
                        DeployedModel.Kind.PROCESS,
                        process.getBpmnProcessId(),
                        process.getVersion(),
                        process.getProcessDefinitionKey(),
                        process.getResourceName())));
    // a decision names its requirements graph; the graph names the file
    java.util.Map<Long, String> files = new java.util.HashMap<>();
    event
        .getDecisionRequirements()
        .forEach(drg -> files.put(drg.getDecisionRequirementsKey(), drg.getResourceName()));
    event
        .getDecisions()
        .forEach(
            decision ->
                deployed.add(
                    new DeployedModel(
                        DeployedModel.Kind.DECISION,
                        decision.getDmnDecisionId(),
                        decision.getVersion(),
                        decision.getDecisionKey(),
                        files.getOrDefault(
                            decision.getDecisionRequirementsKey(),
                            decision.getDmnDecisionRequirementsId()))));
    event
        .getForm()
        .forEach(
            form ->
                deployed.add(
                    new DeployedModel(
                        DeployedModel.Kind.FORM,
                        form.getFormId(),
                        form.getVersion(),
                        form.getFormKey(),
                        form.getResourceName())));
    return List.copyOf(deployed);
  }
}
