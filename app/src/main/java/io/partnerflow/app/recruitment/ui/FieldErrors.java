package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.form.FieldError;
import java.util.List;

/** The server's field errors as translated lines: "field: message". */
final class FieldErrors {

  private FieldErrors() {}

  static List<String> texts(Component view, List<FieldError> errors) {
    return errors.stream()
        .map(
            error -> {
              String text = view.getTranslation(error.messageKey(), error.args().toArray());
              return error.key() == null || error.key().isBlank()
                  ? text
                  : error.key() + ": " + text;
            })
        .toList();
  }
}
