package io.partnerflow.app.plan;

/** The user tasks of joint-business-planning, by their BPMN element id. */
public enum PlanStep {
  DRAFT("draft-business-plan"),
  REVIEW("review-business-plan"),
  PARTNER_SIGN_OFF("sign-off-plan-partner"),
  MANAGER_SIGN_OFF("sign-off-plan-manager");

  public static final String PROCESS_ID = "joint-business-planning";

  private final String elementId;

  PlanStep(String elementId) {
    this.elementId = elementId;
  }

  public String elementId() {
    return elementId;
  }

  public static java.util.Optional<PlanStep> ofElement(String elementId) {
    for (PlanStep step : values()) {
      if (step.elementId.equals(elementId)) {
        return java.util.Optional.of(step);
      }
    }
    return java.util.Optional.empty();
  }
}
