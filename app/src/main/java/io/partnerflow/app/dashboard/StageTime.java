package io.partnerflow.app.dashboard;

import java.time.Duration;

/**
 * How long applications of the period spent in a stage: the median and the 90th percentile
 * (interpolated, as PostgreSQL's {@code percentile_cont}) over those that went through it.
 *
 * @param median null when none went through the stage
 */
public record StageTime(Stage stage, long count, Duration median, Duration p90) {}
