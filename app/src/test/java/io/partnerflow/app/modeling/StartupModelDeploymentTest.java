package io.partnerflow.app.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.support.PartnerflowTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.context.SecurityContextHolder;

/** Start-up never silently replaces a version an operator deployed in the workspace. */
@PartnerflowTest
class StartupModelDeploymentTest {

  @Autowired StartupModelDeployment startup;
  @Autowired ModelPublisher publisher;

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldDeployAFileWhoseModelNobodyDeployedInTheWorkspace() {
    ModelRef ref = newRef();

    assertThat(startup.filesToDeploy(List.of(file(ref, xml(ref, "From the file")))))
        .containsKey(ref);
  }

  @Test
  void shouldLeaveAFileAloneOnceAnOperatorDeployedTheModel() {
    // given: an operator deployed v1 in the workspace
    ModelRef ref = newRef();
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    String deployed = xml(ref, "From the browser");
    String other = xml(ref, "From the file");
    publisher.deploy(ref, deployed, "console", new EditBase(null, 0));
    SecurityContextHolder.clearContext();

    // when: start-up finds a file with other content, or with the same content
    var differing = startup.filesToDeploy(List.of(file(ref, other)));
    var same = startup.filesToDeploy(List.of(file(ref, deployed)));

    // then: neither is deployed
    assertThat(differing).doesNotContainKey(ref);
    assertThat(same).doesNotContainKey(ref);
    assertThat(StartupRule.decide(ContentHash.of(other), newest(ref)))
        .isEqualTo(StartupRule.Decision.FILE_DIFFERS);
    assertThat(StartupRule.decide(ContentHash.of(deployed), newest(ref)))
        .isEqualTo(StartupRule.Decision.IN_STEP);
  }

  private java.util.Optional<ModelVersion> newest(ModelRef ref) {
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      return publisher.history(ref).stream().findFirst();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static ModelRef newRef() {
    return new ModelRef(Kind.PROCESS, "startup-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static Resource file(ModelRef ref, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return ref.resourceName();
      }
    };
  }

  private static String xml(ModelRef ref, String taskName) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(ref.id())
            .startEvent("start")
            .userTask("task", task -> task.name(taskName).zeebeUserTask())
            .endEvent("end")
            .done());
  }
}
