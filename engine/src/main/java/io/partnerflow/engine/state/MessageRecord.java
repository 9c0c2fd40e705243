package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** A published message, buffered until {@code expiresAt}. */
public record MessageRecord(
    long key,
    String name,
    String correlationKey,
    String messageId,
    String variablesJson,
    String tenantId,
    OffsetDateTime published,
    OffsetDateTime expiresAt) {}
