package io.partnerflow.app.form.ui;

/** What a form-js button can ask of the form it is in. */
interface FormActions {

  void submit();

  void reset();
}
