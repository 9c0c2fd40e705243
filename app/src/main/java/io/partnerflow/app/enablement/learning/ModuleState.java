package io.partnerflow.app.enablement.learning;

/** Where a module stands for the person: modules open in order. */
public enum ModuleState {
  DONE,
  /** the next one to work through */
  OPEN,
  /** opens once the one before it is done */
  LOCKED
}
