package io.partnerflow.engine.state;

import java.util.List;

/**
 * A job just completed, with what its completion reads next: the job's element instance and that
 * element's flow scope (when it has one), read in the same statement as the job's update.
 */
public record CompletedJob(JobRecord job, List<ElementInstanceRecord> elementAndFlowScope) {}
