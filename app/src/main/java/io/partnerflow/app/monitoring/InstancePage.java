package io.partnerflow.app.monitoring;

import java.util.List;

/** One page of instances and the number of all that match. */
public record InstancePage(List<InstanceSummary> items, long total) {}
