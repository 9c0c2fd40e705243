package io.partnerflow.engine.deployment;

import io.partnerflow.engine.decision.DecisionEngine;
import io.partnerflow.engine.decision.ParsedDrg;
import io.partnerflow.engine.problem.EngineException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.springframework.stereotype.Component;

/**
 * Parses and validates a DMN resource with dmn-scala (XML, DMN schema, every FEEL expression);
 * rejects with 400 naming the resource and the problem.
 */
@Component
public class DmnResourceParser {

  private final DecisionEngine decisions;

  public DmnResourceParser(DecisionEngine decisions) {
    this.decisions = decisions;
  }

  public ParsedDrg parse(String resourceName, byte[] content) {
    var result = decisions.parse(content);
    if (result.isLeft()) {
      throw rejected(resourceName, explain(result.left().get().message(), content));
    }
    DmnModelInstance model = result.right().get().model();
    Definitions definitions = model.getDefinitions();
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      throw rejected(resourceName, "the 'definitions' element has no id");
    }
    List<ParsedDrg.Decision> parsed = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String id = decision.getId();
      if (id == null || id.isBlank()) {
        throw rejected(resourceName, "a decision has no id");
      }
      if (!ids.add(id)) {
        throw rejected(resourceName, "the decision id '%s' is used twice".formatted(id));
      }
      parsed.add(new ParsedDrg.Decision(id, decision.getName()));
    }
    if (parsed.isEmpty()) {
      throw rejected(resourceName, "it contains no decision");
    }
    return new ParsedDrg(definitions.getId(), definitions.getName(), List.copyOf(parsed));
  }

  public static EngineException rejected(String resourceName, String problem) {
    return EngineException.invalid(
        "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new"
            + " resources, but encountered the following errors:%n'%s': %s"
                .formatted(resourceName, problem));
  }

  /** dmn-scala says only "Unable to parse model" for XML and schema errors: find the cause. */
  private static String explain(String message, byte[] content) {
    if (!message.contains("Unable to parse model")) {
      return message;
    }
    try {
      Dmn.readModelFromStream(new ByteArrayInputStream(content));
      return message;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return cause == e ? message : message + ": " + cause.getMessage();
    }
  }
}
