package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.partnerflow.app.qbr.ReviewException;
import org.springframework.security.access.AccessDeniedException;

/** Tells the user why a review step was refused; what they entered stays in the fields. */
final class ReviewMessages {

  private ReviewMessages() {}

  static void refused(Component source, RuntimeException refused) {
    String text =
        refused instanceof ReviewException review
            ? source.getTranslation(review.messageKey(), review.arguments())
            : source.getTranslation("qbr.error.unavailable");
    Notification notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    notification.setId("qbr-error");
  }

  static void done(Component source, String text) {
    Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  static boolean isRefusal(RuntimeException e) {
    return e instanceof ReviewException || e instanceof AccessDeniedException;
  }
}
