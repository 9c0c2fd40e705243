package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.form.FormSchema;
import java.util.Map;

/**
 * The applicant's open {@code provide-information} task.
 *
 * @param variables the task's variables: the form's prefill (e.g. the manager's question)
 */
public record InformationRequest(long taskKey, FormSchema form, Map<String, Object> variables) {}
