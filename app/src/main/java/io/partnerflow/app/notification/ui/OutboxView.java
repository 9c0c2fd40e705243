package io.partnerflow.app.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationStatus;
import io.partnerflow.app.notification.OutboxNotice;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The notification outbox for administrators: every notice with its status, the rendered subject
 * and body, and a retry for FAILED or SKIPPED ones.
 */
@Route("admin/outbox")
@RolesAllowed("ADMIN")
@Menu(order = 91, title = "nav.outbox", icon = "ENVELOPES")
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

  private final NotificationService notifications;
  private final Grid<OutboxNotice> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();
  private NotificationStatus status;

  public OutboxView(NotificationService notifications) {
    this.notifications = notifications;
    setId("outbox-view");
    setSizeFull();
    if (!notifications.smtpConfigured()) {
      Paragraph hint = new Paragraph(getTranslation("outbox.smtpMissing"));
      hint.setId("outbox-smtp-missing");
      add(hint);
    }
    add(statusFilter(), grid, detail);
    configureGrid();
    detail.setId("outbox-detail");
    detail.setPadding(false);
    detail.setVisible(false);
  }

  private Select<NotificationStatus> statusFilter() {
    Select<NotificationStatus> filter = new Select<>();
    filter.setId("outbox-status-filter");
    filter.setLabel(getTranslation("outbox.status"));
    filter.setItems(NotificationStatus.values());
    filter.setEmptySelectionAllowed(true);
    filter.setEmptySelectionCaption(getTranslation("outbox.status.all"));
    filter.setItemLabelGenerator(
        value -> value == null ? getTranslation("outbox.status.all") : label(value));
    filter.addValueChangeListener(
        event -> {
          status = event.getValue();
          grid.getDataProvider().refreshAll();
        });
    return filter;
  }

  private void configureGrid() {
    grid.setId("outbox-grid");
    grid.setHeight("50%");
    grid.addColumn(notice -> dateTime(notice.createdAt()))
        .setHeader(getTranslation("outbox.createdAt"));
    grid.addColumn(OutboxNotice::template).setHeader(getTranslation("outbox.template"));
    grid.addColumn(OutboxNotice::recipientEmail).setHeader(getTranslation("outbox.recipient"));
    grid.addColumn(OutboxNotice::subject)
        .setHeader(getTranslation("outbox.subject"))
        .setFlexGrow(3);
    grid.addColumn(notice -> label(notice.status())).setHeader(getTranslation("outbox.status"));
    grid.addColumn(OutboxNotice::attempts).setHeader(getTranslation("outbox.attempts"));
    grid.setItems(
        query -> notifications.search(status, query.getOffset(), query.getLimit()).stream(),
        query -> (int) notifications.count(status));
    grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));
  }

  private void show(OutboxNotice notice) {
    detail.removeAll();
    detail.setVisible(notice != null);
    if (notice == null) {
      return;
    }
    H3 subject = new H3(notice.subject());
    subject.setId("outbox-detail-subject");
    FormLayout facts = new FormLayout();
    facts.addFormItem(new Span(recipient(notice)), getTranslation("outbox.recipient"));
    facts.addFormItem(new Span(label(notice.status())), getTranslation("outbox.status"));
    facts.addFormItem(
        new Span(String.valueOf(notice.attempts())), getTranslation("outbox.attempts"));
    facts.addFormItem(new Span(dateTime(notice.sentAt())), getTranslation("outbox.sentAt"));
    facts.addFormItem(new Span(notice.locale()), getTranslation("outbox.locale"));
    facts.addFormItem(new Span(reference(notice)), getTranslation("outbox.reference"));
    Span error = new Span(notice.lastError() == null ? "" : notice.lastError());
    error.setId("outbox-detail-error");
    facts.addFormItem(error, getTranslation("outbox.lastError"));
    // the body in a sandbox: no scripts, no same-origin access, whatever it contains
    IFrame body = new IFrame();
    body.setId("outbox-detail-body");
    body.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
    body.setSrcdoc(notice.body());
    body.setWidthFull();
    body.setHeight("20em");
    detail.add(subject, facts, body);
    if (notice.retryable()) {
      Button retry = new Button(getTranslation("outbox.retry"), click -> retry(notice));
      retry.setId("outbox-retry");
      retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      retry.setEnabled(notifications.smtpConfigured());
      detail.add(retry);
    }
  }

  private void retry(OutboxNotice notice) {
    boolean queued = notifications.retry(notice.id());
    Notification.show(getTranslation(queued ? "outbox.retried" : "outbox.notRetryable"))
        .addThemeVariants(
            queued ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
    grid.getDataProvider().refreshAll();
    show(notifications.findById(notice.id()).orElse(null));
  }

  private static String recipient(OutboxNotice notice) {
    return notice.recipientName() == null
        ? notice.recipientEmail()
        : notice.recipientName() + " <" + notice.recipientEmail() + ">";
  }

  private static String reference(OutboxNotice notice) {
    return notice.referenceType() == null
        ? ""
        : notice.referenceType() + " " + notice.referenceId();
  }

  private String label(NotificationStatus value) {
    return getTranslation("outbox.status." + value.name());
  }

  private String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(getLocale())
        .withZone(DisplayZone.get())
        .format(instant);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.outbox") + " | " + getTranslation("app.name");
  }
}
