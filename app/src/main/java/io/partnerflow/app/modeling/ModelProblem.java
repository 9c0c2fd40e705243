package io.partnerflow.app.modeling;

/**
 * One reason a model cannot be deployed.
 *
 * @param elementId the offending element, marked on the diagram; null for the model as a whole
 */
public record ModelProblem(String elementId, String message) {}
