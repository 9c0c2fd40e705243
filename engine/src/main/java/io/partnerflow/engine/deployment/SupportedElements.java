package io.partnerflow.engine.deployment;

/**
 * Which element kinds the engine can execute. Implemented by the processing registry, so that a
 * kind becomes deployable exactly when a processor for it exists.
 */
public interface SupportedElements {

  boolean supports(ElementKind kind);
}
