package io.partnerflow.app.form.ui;

import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** Builds the Vaadin element of the form-js component types it names. */
interface ElementFactory {

  Set<String> types();

  FormElement create(FormComponent component, RenderContext context);
}
