package io.partnerflow.app.tasklist.notice;

/** How a staff member hears of tasks given to them or overdue. */
public enum NoticeMode {
  /** No e-mails (the layout's count still shows new tasks). */
  OFF,
  /** One e-mail per task, when it happens. */
  EACH,
  /** One e-mail a day listing them. */
  DAILY_DIGEST
}
