package io.partnerflow.app.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

@PartnerflowTest
class ModelDeploymentServiceTest {

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;

  private final List<Resource> models =
      List.of(
          new ClassPathResource("models-test/modeling-smoke.bpmn"),
          new ClassPathResource("models-test/modeling-smoke.form"));

  @Test
  void shouldDeployProcessAndFormAndKeepTheVersionOfUnchangedFiles() {
    // when
    List<DeployedModel> first = deployments.deploy(models);
    List<DeployedModel> again = deployments.deploy(models);

    // then
    assertThat(first)
        .extracting(DeployedModel::kind, DeployedModel::id)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(DeployedModel.Kind.PROCESS, "modeling-smoke"),
            org.assertj.core.groups.Tuple.tuple(DeployedModel.Kind.FORM, "modeling-smoke"));
    assertThat(again)
        .extracting(DeployedModel::version)
        .containsExactlyElementsOf(first.stream().map(DeployedModel::version).toList());
    var definitions =
        client
            .newProcessDefinitionSearchRequest()
            .filter(filter -> filter.processDefinitionId("modeling-smoke"))
            .send()
            .join();
    assertThat(definitions.items()).hasSize(1);
  }

  @Test
  void shouldFindTheRepositoryModelsOnTheClasspath() {
    // the build copies bpmn/ and forms/ to the classpath; every file found must be a model
    assertThat(deployments.configuredModels())
        .extracting(Resource::getFilename)
        .contains("partner-recruitment.bpmn", "partner-fit.dmn", "partner-application.form");
    assertThat(deployments.configuredModels())
        .allSatisfy(model -> assertThat(model.getFilename()).matches(".+\\.(bpmn|dmn|form)"));
  }
}
