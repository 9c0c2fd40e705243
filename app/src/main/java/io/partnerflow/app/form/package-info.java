/**
 * Camunda Forms (form-js JSON, {@code .form} files): the parsed model ({@link
 * io.partnerflow.app.form.FormSchema}), FEEL conditions, option sources, translations and the
 * server-side {@link io.partnerflow.app.form.FormValidator}. Nothing here depends on Vaadin; the
 * Vaadin renderer lives in {@code ui}.
 */
package io.partnerflow.app.form;
