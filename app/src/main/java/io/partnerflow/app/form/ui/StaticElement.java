package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.form.FormComponent;

/** A component without a value: text, layout, button, placeholder. */
record StaticElement(FormComponent definition, Component component) implements FormElement {}
