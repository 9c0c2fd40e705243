package io.partnerflow.app.tasklist;

/** Which of the tasks a user may work on the list shows. */
public enum TaskScope {
  /** Claimed by me. */
  ASSIGNED_TO_ME,
  /** Open for one of my groups, whoever holds them. */
  MY_GROUPS,
  /** Open for one of my groups and not yet claimed. */
  UNASSIGNED_IN_MY_GROUPS,
  /** Offered to me by name (a candidate user). */
  OFFERED_TO_ME
}
