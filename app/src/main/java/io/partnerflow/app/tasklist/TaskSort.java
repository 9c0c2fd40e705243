package io.partnerflow.app.tasklist;

/** Orders the engine can sort tasks by. */
public enum TaskSort {
  CREATED,
  DUE,
  PRIORITY
}
