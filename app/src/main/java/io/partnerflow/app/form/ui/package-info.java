/**
 * Vaadin rendering of Camunda Forms: {@link io.partnerflow.app.form.ui.FormRenderer} builds a
 * {@link io.partnerflow.app.form.ui.RenderedForm} from one small {@link
 * io.partnerflow.app.form.ui.ElementFactory} per component type.
 */
package io.partnerflow.app.form.ui;
