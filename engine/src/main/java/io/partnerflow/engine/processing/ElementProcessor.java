package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ElementKind;

/**
 * The behaviour of one BPMN element kind. To support a new kind, add a Spring component
 * implementing this interface (in event/, gateway/, task/ or container/): the registry picks it up
 * and deployments accept the kind from then on. Waiting elements (jobs, user tasks, messages,
 * timers) return from {@link #onActivate} without completing; the command that ends the wait calls
 * {@link TokenMachine#completeElement}.
 */
public interface ElementProcessor {

  ElementKind kind();

  /**
   * A token arrives through a sequence flow, before an element instance exists. Return false to
   * hold the token (joining gateways); the default activates at once.
   */
  default boolean onArrive(ArrivalContext arrival) {
    return true;
  }

  /** The element instance exists and its input mappings are applied. */
  void onActivate(ElementContext context);

  /** The element is completing: output mappings follow, then the chosen flows are taken. */
  default void onComplete(ElementContext context) {}

  /** The element instance is terminated (instance cancelled, later: boundary events). */
  default void onTerminate(ElementContext context) {}
}
