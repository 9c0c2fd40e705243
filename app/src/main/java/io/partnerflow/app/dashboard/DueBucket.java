package io.partnerflow.app.dashboard;

/** When an open task is due, as the home page groups them. */
public enum DueBucket {
  OVERDUE,
  TODAY,
  THIS_WEEK,
  LATER,
  NO_DUE_DATE
}
