package io.partnerflow.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.partnerflow.app.modeling.ProcessStepNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The instance page's diagram in Chinese names its steps as bpmn/i18n does. */
class DiagramNamesTest {

  private static final String PROCESS = "partner-recruitment";

  @Test
  void shouldNameTheStepsInChineseAndKeepIdsAndLayout() throws IOException {
    // given: the recruitment model as deployed, with a task renamed in the modeler
    String xml =
        Files.readString(Path.of("../bpmn/partner-recruitment.bpmn"))
            .replace("name=\"Review application\"", "name=\"Assess the application\"");
    String chinese = ProcessStepNames.step(PROCESS, "review-application", null, Locale.CHINA);

    // when
    String translated = DiagramNames.translated(xml, PROCESS, Locale.SIMPLIFIED_CHINESE);
    String english = DiagramNames.translated(xml, PROCESS, Locale.ENGLISH);

    // then: Chinese step names, the same elements and shapes
    BpmnModelInstance before = read(xml);
    BpmnModelInstance after = read(translated);
    assertThat(chinese).isNotEqualTo("review-application").doesNotContain("application");
    assertThat(name(after, "review-application")).isEqualTo(chinese);
    assertThat(after.getModelElementsByType(FlowElement.class))
        .hasSameSizeAs(before.getModelElementsByType(FlowElement.class));
    assertThat(after.getModelElementsByType(BpmnShape.class))
        .hasSameSizeAs(before.getModelElementsByType(BpmnShape.class));
    // and in English the model's own names, so the operator sees their rename
    assertThat(english).isEqualTo(xml);
    assertThat(
            DiagramNames.step(
                PROCESS, "review-application", "Assess the application", Locale.ENGLISH))
        .isEqualTo("Assess the application");
    assertThat(
            DiagramNames.step(
                PROCESS, "review-application", "Assess the application", Locale.CHINA))
        .isEqualTo(chinese);
  }

  private static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String name(BpmnModelInstance model, String id) {
    return ((FlowElement) model.getModelElementById(id)).getName();
  }
}
