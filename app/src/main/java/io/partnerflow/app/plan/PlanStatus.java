package io.partnerflow.app.plan;

/** Where a plan version is in its review; only DRAFT and RETURNED versions may be edited. */
public enum PlanStatus {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED;

  public boolean editable() {
    return this == DRAFT || this == RETURNED;
  }
}
