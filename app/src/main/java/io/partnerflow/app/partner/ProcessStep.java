package io.partnerflow.app.partner;

import java.time.Instant;

/**
 * One step of a process a partner went through, as the engine recorded it.
 *
 * @param type the engine's element type, e.g. USER_TASK
 * @param state ACTIVE, COMPLETED or TERMINATED
 */
public record ProcessStep(
    Instant startedAt,
    Instant endedAt,
    String processId,
    String elementName,
    String type,
    String state) {}
