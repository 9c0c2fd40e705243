package io.partnerflow.app.recruitment.application;

import java.time.Instant;

/** One entry of an application's history: the status it reached, an optional note, when. */
public record ApplicationEvent(ApplicationStatus status, String note, Instant createdAt) {}
