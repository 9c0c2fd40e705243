package io.partnerflow.app.tasklist;

import java.util.List;

/** A page of tasks and how many match in all. */
public record TaskPage(List<TaskSummary> items, long total) {}
