package io.partnerflow.engine.expression;

/** A FEEL expression failed to parse or evaluate, or produced a value of the wrong type. */
public class ExpressionException extends RuntimeException {

  public ExpressionException(String message) {
    super(message);
  }
}
