package io.partnerflow.app.monitoring;

/** The states a process instance can be filtered by, as the engine names them. */
public enum InstanceState {
  ACTIVE,
  COMPLETED,
  TERMINATED
}
