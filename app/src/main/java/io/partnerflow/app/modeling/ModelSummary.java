package io.partnerflow.app.modeling;

import java.time.Instant;

/**
 * One line of the model workspace.
 *
 * @param deployedVersion the engine's latest version (0: not deployed)
 * @param hasDraft a draft is being edited
 * @param changedBy who saved the draft or deployed last (null: nobody through this app)
 * @param inFiles the model has a file in {@code bpmn/} or {@code forms/}
 * @param fileDiffers that file differs from the version deployed in the workspace
 */
public record ModelSummary(
    ModelRef ref,
    String name,
    int deployedVersion,
    boolean hasDraft,
    String changedBy,
    Instant changedAt,
    boolean inFiles,
    boolean fileDiffers) {}
