package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.partnerflow.engine.command.DeployResourcesCommand;
import io.partnerflow.engine.problem.EngineException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** POST /v2/deployments: multipart, repeated part {@code resources}, file name = resource name. */
@RestController
@RequestMapping("/v2/deployments")
class DeploymentController {

  static final String DEFAULT_TENANT = "<default>";

  private final DeployResourcesCommand deploy;

  DeploymentController(DeployResourcesCommand deploy) {
    this.deploy = deploy;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DeploymentResult deploy(
      @RequestParam("resources") List<MultipartFile> files,
      @RequestParam(name = "tenantId", required = false) String tenantId)
      throws IOException {
    List<DeployResourcesCommand.Resource> resources = new ArrayList<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename();
      if (name == null || name.isBlank()) {
        throw EngineException.invalid("Expected every resource part to have a file name");
      }
      resources.add(new DeployResourcesCommand.Resource(name, file.getBytes()));
    }
    String tenant = tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
    DeployResourcesCommand.Outcome outcome = deploy.execute(resources, tenant);
    List<DeploymentMetadataResult> deployed = new ArrayList<>();
    outcome
        .processes()
        .forEach(
            p ->
                deployed.add(
                    new DeploymentMetadataResult()
                        .processDefinition(
                            new DeploymentProcessResult()
                                .processDefinitionId(p.bpmnProcessId())
                                .processDefinitionVersion(p.version())
                                .resourceName(p.resourceName())
                                .tenantId(p.tenantId())
                                .processDefinitionKey(Keys.format(p.key())))));
    outcome
        .forms()
        .forEach(
            f ->
                deployed.add(
                    new DeploymentMetadataResult()
                        .form(
                            new DeploymentFormResult()
                                .formId(f.formId())
                                .version(f.version())
                                .resourceName(f.resourceName())
                                .tenantId(f.tenantId())
                                .formKey(Keys.format(f.key())))));
    outcome
        .decisionRequirements()
        .forEach(
            r ->
                deployed.add(
                    new DeploymentMetadataResult()
                        .decisionRequirements(
                            new DeploymentDecisionRequirementsResult()
                                .decisionRequirementsId(r.decisionRequirementsId())
                                .decisionRequirementsName(r.name())
                                .version(r.version())
                                .resourceName(r.resourceName())
                                .tenantId(r.tenantId())
                                .decisionRequirementsKey(Keys.format(r.key())))));
    outcome
        .decisions()
        .forEach(
            d ->
                deployed.add(
                    new DeploymentMetadataResult()
                        .decisionDefinition(
                            new DeploymentDecisionResult()
                                .decisionDefinitionId(d.decisionId())
                                .name(d.name())
                                .version(d.version())
                                .decisionRequirementsId(d.decisionRequirementsId())
                                .decisionRequirementsKey(Keys.format(d.decisionRequirementsKey()))
                                .tenantId(d.tenantId())
                                .decisionDefinitionKey(Keys.format(d.key())))));
    return new DeploymentResult()
        .deploymentKey(Keys.format(outcome.deploymentKey()))
        .tenantId(outcome.tenantId())
        .deployments(deployed);
  }
}
