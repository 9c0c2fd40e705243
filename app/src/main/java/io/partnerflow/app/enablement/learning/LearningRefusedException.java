package io.partnerflow.app.enablement.learning;

/**
 * A learning step that is not allowed now (e.g. a module before the one in front of it is done).
 */
public class LearningRefusedException extends RuntimeException {

  public LearningRefusedException(String message) {
    super(message);
  }
}
