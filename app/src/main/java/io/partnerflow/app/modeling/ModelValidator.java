package io.partnerflow.app.modeling;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.springframework.stereotype.Component;

/**
 * The checks deployment applies, before deploying: for BPMN the Zeebe design-time validators (the
 * same library and version the embedded engine runs, {@code zeebe-bpmn-model}) and that the process
 * keeps the id its file is named after. The engine's own check that it executes every element runs
 * in the engine; its refusal lists the offending elements, which {@link #fromRefusal} reads.
 */
@Component
class ModelValidator {

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

  private static List<ModelProblem> validateBpmn(ModelRef ref, String content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes(content)));
    } catch (RuntimeException e) {
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return List.of(new ModelProblem(null, "Not a BPMN 2.0 document: " + reason));
    }
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
