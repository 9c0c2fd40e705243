package io.partnerflow.app.plan;

/** The parts of a plan the manager comments on when returning it. */
public enum PlanSection {
  OBJECTIVES,
  TARGETS,
  ACTIVITIES,
  PRODUCT_LINES
}
