package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.modelcheck.ElementProblem;
import io.partnerflow.modelcheck.ModelCheck;
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
 * check that the engine executes every element in it. Rejects with 400 listing every problem. The
 * same checks answer {@link ModelCheck}: the app's Validate finds what a deployment would refuse.
 */
@Component
public class BpmnResourceParser implements ModelCheck {

  private final BpmnTransformer transformer;
  private final FeelEvaluator feel;

  public BpmnResourceParser(BpmnTransformer transformer, FeelEvaluator feel) {
    this.transformer = transformer;
    this.feel = feel;
  }

  public List<ExecutableProcess> parse(String resourceName, byte[] content) {
    BpmnModelInstance model;
    try {
      model = read(content);
    } catch (RuntimeException e) {
      throw EngineException.invalid(
          "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': '%s': %s"
              .formatted(resourceName, unreadable(e)));
    }
    DeploymentProblems problems = new DeploymentProblems(feel);
    List<ExecutableProcess> processes = transformChecked(model, problems);
    if (problems.isEmpty()) {
      return processes;
    }
    throw EngineException.invalid(
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new"
            + " resources, but encountered the following errors:%n'%s': - Process: %s%n%s"
                .formatted(resourceName, processIds(model), String.join("\n", problems.all())));
  }

  /**
   * The problems {@link #parse} would refuse the resource for, found by the same code, without
   * deploying: the app's Validate on the embedded engine.
   */
  @Override
  public List<ElementProblem> check(String resourceName, byte[] content) {
    BpmnModelInstance model;
    try {
      model = read(content);
    } catch (RuntimeException e) {
      return List.of(new ElementProblem(null, unreadable(e)));
    }
    DeploymentProblems problems = new DeploymentProblems(feel);
    transformChecked(model, problems);
    return problems.byElement();
  }

  /** XML schema and Zeebe's validators; only a model that passes them is transformed. */
  private List<ExecutableProcess> transformChecked(
      BpmnModelInstance model, DeploymentProblems problems) {
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                  problems.add(elementId(element), result.getMessage());
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
    return processes;
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

  private static BpmnModelInstance read(byte[] content) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
  }

  private static String unreadable(RuntimeException e) {
    String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return "%s: %s".formatted(e.getMessage(), reason);
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
