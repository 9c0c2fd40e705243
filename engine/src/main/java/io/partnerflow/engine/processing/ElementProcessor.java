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

  /**
   * A token of the flow scope ended (e.g. at an end event) while this joining gateway holds tokens
   * in it (arrival's flow is null): return true when the gateway may activate now because no
   * further token can reach it. The default keeps waiting.
   */
  default boolean onScopeTokensChanged(ArrivalContext arrival) {
    return false;
  }

  /** The element instance exists and its input mappings are applied. */
  void onActivate(ElementContext context);

  /** The element is completing: output mappings follow, then the chosen flows are taken. */
  default void onComplete(ElementContext context) {}

  /**
   * The element instance is terminated (instance cancelled, boundary event); what is active inside
   * it has been terminated before.
   */
  default void onTerminate(ElementContext context) {}

  /**
   * For containers that drive their children (the multi-instance body): called on the child's flow
   * scope's processor when a child has applied its output mappings and is about to complete; {@link
   * ElementContext#flowScope()} gives the container. Throwing an ExpressionException keeps the
   * child active with an EXTRACT_VALUE_ERROR incident whose resolution retries the completion. Work
   * the container queues (child activations, terminations) runs after the child has completed.
   */
  default void onChildCompleting(ElementContext child) {}
}
