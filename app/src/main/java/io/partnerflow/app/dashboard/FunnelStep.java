package io.partnerflow.app.dashboard;

/**
 * How many applications of the period reached a stage.
 *
 * @param conversion share of the previous stage's count that reached this one (0–1), or null for
 *     the first stage and after a stage nobody reached
 */
public record FunnelStep(FunnelStage stage, long count, Double conversion) {}
