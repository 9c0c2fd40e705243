package io.partnerflow.engine.decision;

import java.util.List;

/**
 * A validated DMN resource: its decision requirements graph id and name (the {@code definitions}
 * element) and its decisions.
 */
public record ParsedDrg(String decisionRequirementsId, String name, List<Decision> decisions) {

  /** One decision of the DRG. */
  public record Decision(String id, String name) {}
}
