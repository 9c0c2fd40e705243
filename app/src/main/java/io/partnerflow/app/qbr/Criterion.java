package io.partnerflow.app.qbr;

/**
 * A criterion of the review scorecard and its weight, a row of {@code bpmn/qbr-scorecard.dmn}.
 *
 * @param code e.g. {@code new-customers}; the screens name it in the reader's language
 * @param weight its share of the total, relative to the other criteria's weights
 */
public record Criterion(String code, int weight) {

  public Criterion {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("A criterion needs a code");
    }
    if (weight < 0) {
      throw new IllegalArgumentException("A weight cannot be negative: " + code);
    }
  }
}
