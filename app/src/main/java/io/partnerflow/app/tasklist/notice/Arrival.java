package io.partnerflow.app.tasklist.notice;

/** A task that came to a user, as the digest lists it. */
record Arrival(long userId, long taskKey, ArrivalKind kind, String taskName, String subject) {}
