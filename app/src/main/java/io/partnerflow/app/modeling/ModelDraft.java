package io.partnerflow.app.modeling;

import java.time.Instant;

/**
 * A model being edited in the browser, not deployed yet.
 *
 * @param version raised by every save; a save or deployment based on an older one is refused
 */
public record ModelDraft(
    ModelRef ref, String content, String author, Instant updatedAt, String comment, int version) {}
