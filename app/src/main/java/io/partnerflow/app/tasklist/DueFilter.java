package io.partnerflow.app.tasklist;

/** Narrowing the list by due date. */
public enum DueFilter {
  ANY,
  OVERDUE,
  DUE_WITHIN_7_DAYS
}
