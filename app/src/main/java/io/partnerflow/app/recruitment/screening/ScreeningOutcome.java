package io.partnerflow.app.recruitment.screening;

/** What compliance screening decides; the process routes on it. */
public enum ScreeningOutcome {
  /** Nothing found. */
  CLEAR,
  /** A near hit or a country that needs a person to confirm. */
  REVIEW,
  /** An exact hit or an embargoed country: no partnership. */
  BLOCKED;

  /** The value the BPMN model compares with: clear, review, blocked. */
  public String variableValue() {
    return name().toLowerCase();
  }
}
