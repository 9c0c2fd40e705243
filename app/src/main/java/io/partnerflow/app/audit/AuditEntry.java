package io.partnerflow.app.audit;

import java.time.Instant;

/**
 * One recorded action.
 *
 * @param actor the username, "system" for process workers, "anonymous" before login
 * @param clientAddress the address the request came from; null when there was no request
 * @param before the state before, as JSON text; null when there was none
 * @param after the state after, as JSON text; null when there is none
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String clientAddress,
    AuditAction action,
    AuditSubject subject,
    String before,
    String after) {}
