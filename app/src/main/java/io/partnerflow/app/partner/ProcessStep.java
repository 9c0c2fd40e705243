package io.partnerflow.app.partner;

import java.time.Instant;

/**
 * One step of a process a partner went through, as the engine recorded it.
 *
 * @param type the engine's element type, e.g. USER_TASK
 * @param elementId the step's id in the model, which keys its translated name
 * @param elementName the step's name in the model (or its id when it has none)
 * @param state ACTIVE, COMPLETED or TERMINATED
 */
public record ProcessStep(
    Instant startedAt,
    Instant endedAt,
    String processId,
    String elementId,
    String elementName,
    String type,
    String state) {}
