package io.partnerflow.app.monitoring;

/**
 * The outcome of an operation on one item of a batch (an incident retried, an instance migrated).
 *
 * @param messageKey translation key of the outcome; {@code detail} is the engine's own words
 */
public record OperationResult(long key, boolean succeeded, String messageKey, String detail) {

  static OperationResult ok(long key, String messageKey) {
    return new OperationResult(key, true, messageKey, null);
  }

  static OperationResult failed(long key, String messageKey, String detail) {
    return new OperationResult(key, false, messageKey, detail);
  }
}
