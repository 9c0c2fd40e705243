package io.partnerflow.engine.processing;

/**
 * A process instance modification that cannot be applied as a whole; thrown while applying it, so
 * that the caller's transaction rolls back and nothing is changed.
 */
public class ModificationRejected extends RuntimeException {

  public ModificationRejected(String message) {
    super(message);
  }
}
