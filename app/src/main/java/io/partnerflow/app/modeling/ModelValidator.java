package io.partnerflow.app.modeling;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.partnerflow.modelcheck.ElementProblem;
import io.partnerflow.modelcheck.ModelCheck;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The checks deployment applies, before deploying. For BPMN: on the embedded engine its own {@link
 * ModelCheck} (Zeebe's design-time validators and the engine's element check, the very code its
 * deployment runs); against a Camunda 8 cluster, which offers none, Zeebe's design-time validators.
 * Either way the process must keep the id its file is named after. A refusal by the engine lists
 * the offending elements too, which {@link #fromRefusal} reads.
 */
@Component
class ModelValidator {

  private final ObjectProvider<ModelCheck> engineCheck;

  ModelValidator(ObjectProvider<ModelCheck> engineCheck) {
    this.engineCheck = engineCheck;
  }

  /** "Element: <id>" followed by "- ERROR: <message>", as Zeebe and the embedded engine write. */
  private static final Pattern ELEMENT_ERROR =
      Pattern.compile("Element: ([^\\s]+)\\s*\\R\\s*- ERROR: ([^\\r\\n]+)");

  List<ModelProblem> validate(ModelRef ref, String content) {
    return switch (ref.kind()) {
      case PROCESS -> validateBpmn(ref, content);
      case DECISION -> wellFormedXml(content);
      case FORM -> wellFormedJson(content);
    };
  }

  private List<ModelProblem> validateBpmn(ModelRef ref, String content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes(content)));
    } catch (RuntimeException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return List.of(new ModelProblem(null, "Not a BPMN 2.0 document: " + reason));
    }
    ModelCheck engine = engineCheck.getIfAvailable();
    List<ModelProblem> problems =
        engine == null ? zeebeValidators(model) : engineCheck(engine, ref, content);
    boolean keepsItsId =
        model.getModelElementsByType(Process.class).stream()
            .anyMatch(process -> process.isExecutable() && ref.id().equals(process.getId()));
    if (!keepsItsId) {
      problems.add(
          new ModelProblem(
              null,
              "The file defines no executable process with the id '"
                  + ref.id()
                  + "'; the process id names the model and must stay"));
    }
    return problems;
  }

  private static List<ModelProblem> engineCheck(ModelCheck engine, ModelRef ref, String content) {
    List<ModelProblem> problems = new ArrayList<>();
    for (ElementProblem problem : engine.check(ref.resourceName(), bytes(content))) {
      problems.add(new ModelProblem(problem.elementId(), problem.message()));
    }
    return problems;
  }

  private static List<ModelProblem> zeebeValidators(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult result : results) {
                if (result.getType() == ValidationResultType.ERROR) {
                  problems.add(
                      new ModelProblem(element.getAttributeValue("id"), result.getMessage()));
                }
              }
            });
    return problems;
  }

  private static List<ModelProblem> wellFormedXml(String content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(content)));
      return List.of();
    } catch (Exception e) {
      return List.of(new ModelProblem(null, "Not well-formed XML: " + e.getMessage()));
    }
  }

  private static List<ModelProblem> wellFormedJson(String content) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(content);
      return List.of();
    } catch (Exception e) {
      return List.of(new ModelProblem(null, "Not well-formed JSON: " + e.getMessage()));
    }
  }

  /** The problems an engine's refusal names, element by element where it names elements. */
  static List<ModelProblem> fromRefusal(String detail) {
    List<ModelProblem> problems = new ArrayList<>();
    if (detail == null) {
      return List.of(new ModelProblem(null, "The engine refused the model"));
    }
    Matcher matcher = ELEMENT_ERROR.matcher(detail);
    while (matcher.find()) {
      problems.add(new ModelProblem(matcher.group(1), matcher.group(2).strip()));
    }
    if (problems.isEmpty()) {
      problems.add(new ModelProblem(null, detail));
    }
    return problems;
  }

  private static byte[] bytes(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
