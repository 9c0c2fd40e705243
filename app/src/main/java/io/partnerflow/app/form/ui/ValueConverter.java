package io.partnerflow.app.form.ui;

import io.partnerflow.app.form.FormOption;
import java.util.List;

/** Between a form value (variables, submission) and the value type of a Vaadin field. */
interface ValueConverter<V> {

  /** The field value for a form value; null when it does not fit (then the field stays empty). */
  V toField(Object formValue, List<FormOption> options);

  Object toForm(V fieldValue, List<FormOption> options);
}
