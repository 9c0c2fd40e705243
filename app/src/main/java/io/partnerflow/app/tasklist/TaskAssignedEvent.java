package io.partnerflow.app.tasklist;

/**
 * A task was given to {@code assignee} by someone else (a colleague's assignment or delegation),
 * published after the engine took the change; staff notices listen to it.
 *
 * @param by the username of who assigned it
 */
public record TaskAssignedEvent(TaskSummary task, String subject, String assignee, String by) {}
