package io.partnerflow.modelcheck;

/**
 * One reason a deployment refuses a resource.
 *
 * @param elementId the offending element; null for the resource as a whole
 * @param message what is wrong, as the deployment's refusal words it
 */
public record ElementProblem(String elementId, String message) {}
