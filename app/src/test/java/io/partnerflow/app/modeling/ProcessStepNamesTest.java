package io.partnerflow.app.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every step a person may see has a name in both languages. Seen are the process itself and every
 * flow node but gateways (tasks of every kind, events, call activities): the task list shows user
 * tasks, the partner timeline shows tasks and events. A gateway's question ("Signed?") is not
 * shown.
 */
class ProcessStepNamesTest {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Test
  void shouldNameEveryShownElementOfEveryModelInBothLanguages() throws IOException {
    List<Path> models = models();
    assertThat(models)
        .extracting(path -> path.getFileName().toString())
        .contains("partner-recruitment.bpmn", "contract-signing.bpmn");

    for (Path path : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        Properties english = ProcessStepNames.names(process.getId(), Locale.ENGLISH);
        Properties chinese = ProcessStepNames.names(process.getId(), CHINESE);
        List<String> shown = shownIds(model, process);

        assertThat(chinese.stringPropertyNames())
            .as("Chinese names of %s (%s)", process.getId(), path.getFileName())
            .containsAll(shown);
        assertThat(english.stringPropertyNames())
            .as("English names of %s (%s)", process.getId(), path.getFileName())
            .containsAll(shown);
        assertThat(shown)
            .allSatisfy(
                id ->
                    assertThat(chinese.getProperty(id))
                        .isNotBlank()
                        .isNotEqualTo(english.getProperty(id)));
        // no stale keys: every translated id is an element of the model
        assertThat(shown).containsAll(english.stringPropertyNames());
        assertThat(shown).containsAll(chinese.stringPropertyNames());
      }
    }
  }

  @Test
  void shouldGiveTheTranslatedNameElseTheModelsName() {
    assertThat(
            ProcessStepNames.step(
                "partner-recruitment", "review-application", "Review application", CHINESE))
        .isEqualTo("审核申请");
    assertThat(
            ProcessStepNames.step(
                "partner-recruitment", "review-application", "ignored", Locale.ENGLISH))
        .isEqualTo("Review application");
    assertThat(ProcessStepNames.process("contract-signing", CHINESE)).isEqualTo("合同签署");
    // a step or process the files do not know keeps the model's name, else its id
    assertThat(ProcessStepNames.step("partner-recruitment", "new-step", "A new step", CHINESE))
        .isEqualTo("A new step");
    assertThat(ProcessStepNames.step("someone-elses-process", "task-1", null, CHINESE))
        .isEqualTo("task-1");
    assertThat(ProcessStepNames.process("../secrets", CHINESE)).isEqualTo("../secrets");
  }

  private static List<String> shownIds(BpmnModelInstance model, Process process) {
    Stream<String> nodes =
        model.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> !(node instanceof Gateway))
            .filter(node -> process.equals(owningProcess(node)))
            .map(BaseElement::getId);
    return Stream.concat(Stream.of(process.getId()), nodes).toList();
  }

  private static Process owningProcess(FlowNode node) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = node.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  private static List<Path> models() throws IOException {
    Path dir = new File("../bpmn").exists() ? Path.of("../bpmn") : Path.of("bpmn");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
