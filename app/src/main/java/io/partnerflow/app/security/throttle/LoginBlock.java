package io.partnerflow.app.security.throttle;

import java.time.Instant;

/**
 * A running block: no login of the subject is checked before {@code until}.
 *
 * @param locked true for a lock (the failures reached the lock limit), false for a slow-down
 */
public record LoginBlock(LoginSubject subject, int failures, Instant until, boolean locked) {}
