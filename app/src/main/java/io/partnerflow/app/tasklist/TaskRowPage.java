package io.partnerflow.app.tasklist;

import java.util.List;

/** A page of task rows and how many match in all. */
public record TaskRowPage(List<TaskRow> items, long total) {}
