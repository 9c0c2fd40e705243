package io.partnerflow.app.task;

/** A user task's linked form: its id and its schema as JSON text. */
public record TaskForm(String formId, String schema) {}
