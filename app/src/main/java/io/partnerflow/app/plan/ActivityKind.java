package io.partnerflow.app.plan;

/** What a planned activity is. */
public enum ActivityKind {
  EVENT,
  CAMPAIGN,
  TRAINING
}
