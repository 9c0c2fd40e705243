package io.partnerflow.app.tasklist.notice;

/** Why a task came to a staff member's attention. */
enum ArrivalKind {
  ASSIGNED,
  OVERDUE
}
