package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.recruitment.application.ApplicationStatus;

/** Translated names of the application statuses: {@code status.<NAME>}. */
final class StatusLabels {

  private StatusLabels() {}

  static String of(Component view, ApplicationStatus status) {
    return view.getTranslation("apply.status." + status.name());
  }
}
