package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.problem.EngineException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.stereotype.Component;

/**
 * Parses and validates a BPMN resource: XML schema, the Zeebe design-time validators, then our own
 * check that the engine executes every element in it. Rejects with 400 listing every problem.
 */
@Component
public class BpmnResourceParser {

  private final BpmnTransformer transformer;
  private final FeelEvaluator feel;

  public BpmnResourceParser(BpmnTransformer transformer, FeelEvaluator feel) {
    this.transformer = transformer;
    this.feel = feel;
  }

  public List<ExecutableProcess> parse(String resourceName, byte[] content) {
    BpmnModelInstance model = read(resourceName, content);
    DeploymentProblems problems = new DeploymentProblems(feel);
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                  problems.addGeneral(
                      "Element: %s%n    - ERROR: %s"
                          .formatted(elementId(element), result.getMessage()));
                }
              }
            });
    List<ExecutableProcess> processes = new ArrayList<>();
    if (problems.isEmpty()) {
      List<Process> executable =
          model.getModelElementsByType(Process.class).stream()
              .filter(Process::isExecutable)
              .toList();
      if (executable.isEmpty()) {
        problems.addGeneral("The resource contains no executable process");
      }
      for (Process process : executable) {
        processes.add(transformer.transform(process, problems));
      }
    }
    if (problems.isEmpty()) {
      return processes;
    }
    throw EngineException.invalid(
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new"
            + " resources, but encountered the following errors:%n'%s': - Process: %s%n%s"
                .formatted(resourceName, processIds(model), String.join("\n", problems.all())));
  }

  /** Reads a stored (already validated) process again, e.g. after a restart. */
  public ExecutableProcess reload(String bpmnXml, String bpmnProcessId) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    DeploymentProblems problems = new DeploymentProblems(feel);
    ExecutableProcess executable =
        transformer.transform(model.getModelElementById(bpmnProcessId), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Stored process no longer transforms: " + problems.all());
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

  private static String elementId(ModelElementInstance element) {
    String id = element.getAttributeValue("id");
    return id != null ? id : element.getElementType().getTypeName();
  }

  private static String processIds(BpmnModelInstance model) {
    return String.join(
        ", ", model.getModelElementsByType(Process.class).stream().map(Process::getId).toList());
  }
}
