package io.partnerflow.app.monitoring;

import java.util.List;

/** One page of open incidents and the number of all. */
public record IncidentPage(List<IncidentEntry> items, long total) {}
