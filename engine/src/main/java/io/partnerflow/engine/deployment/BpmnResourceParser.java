package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.partnerflow.engine.problem.EngineException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.springframework.stereotype.Component;

/**
 * Parses and validates a BPMN resource: XML schema, the Zeebe design-time validators, then our own
 * check that the engine executes every element in it. Rejects with 400 listing every problem.
 */
@Component
public class BpmnResourceParser {

  private final BpmnTransformer transformer;

  public BpmnResourceParser(BpmnTransformer transformer) {
    this.transformer = transformer;
  }

  public List<ExecutableProcess> parse(String resourceName, byte[] content) {
    BpmnModelInstance model = read(resourceName, content);
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    List<String> problems = new ArrayList<>();
    results
        .getResults()
        .forEach(
            (element, list) -> {
              for (ValidationResult result : list) {
                if (result.getType() == ValidationResultType.ERROR) {
                  problems.add(
                      "- Element: %s%n    - ERROR: %s"
                          .formatted(elementId(element), result.getMessage()));
                }
              }
            });
    if (problems.isEmpty()) {
      List<Process> executable =
          model.getModelElementsByType(Process.class).stream()
              .filter(Process::isExecutable)
              .toList();
      if (executable.isEmpty()) {
        problems.add("- The resource contains no executable process");
      }
      List<ExecutableProcess> processes = new ArrayList<>();
      for (Process process : executable) {
        processes.add(transformer.transform(process, problems));
      }
      if (problems.isEmpty()) {
        return processes;
      }
    }
    throw EngineException.invalid(
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new"
            + " resources, but encountered the following errors:%n'%s': - Process: %s%n%s"
                .formatted(resourceName, processIds(model), String.join("\n", problems)));
  }

  /** Reads a stored (already validated) resource without checking it again. */
  public ExecutableProcess reload(String bpmnXml, String bpmnProcessId) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(bpmnXml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Process process = model.getModelElementById(bpmnProcessId);
    List<String> problems = new ArrayList<>();
    ExecutableProcess executable = transformer.transform(process, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Stored process no longer transforms: " + problems);
    }
    return executable;
  }

  private static BpmnModelInstance read(String resourceName, byte[] content) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw EngineException.invalid(
          "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': '%s': %s: %s"
              .formatted(resourceName, e.getMessage(), reason));
    }
  }

  private static String elementId(org.camunda.bpm.model.xml.instance.ModelElementInstance e) {
    String id = e.getAttributeValue("id");
    return id != null ? id : e.getElementType().getTypeName();
  }

  private static String processIds(BpmnModelInstance model) {
    return String.join(
        ", ", model.getModelElementsByType(Process.class).stream().map(Process::getId).toList());
  }
}
