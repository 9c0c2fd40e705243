package io.partnerflow.app.tasklist;

/**
 * A row of the staff task list: the task and whom it is about.
 *
 * @param subject the applicant company's or partner's name, or null when the process names none
 */
public record TaskRow(TaskSummary task, String subject) {}
