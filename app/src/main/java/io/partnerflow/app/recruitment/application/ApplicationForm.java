package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.form.FormSchema;

/** The start form of the latest deployed {@code partner-recruitment} version. */
public record ApplicationForm(FormSchema schema) {}
