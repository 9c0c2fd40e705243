package io.partnerflow.app.tasklist.notice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.tasklist.notice.NoticeMode;
import io.partnerflow.app.tasklist.notice.StaffNotices;
import jakarta.annotation.security.RolesAllowed;

/** A staff member chooses how they hear of tasks: each by e-mail, a daily digest, or none. */
@Route("settings/notices")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
@Menu(order = 95, title = "nav.noticeSettings", icon = "BELL")
class NoticeSettingsView extends VerticalLayout implements HasDynamicTitle {

  NoticeSettingsView(StaffNotices notices) {
    setId("notice-settings");
    RadioButtonGroup<NoticeMode> mode = new RadioButtonGroup<>();
    mode.setId("notice-mode");
    mode.setLabel(getTranslation("notices.mode"));
    mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
    mode.setItems(NoticeMode.values());
    mode.setItemLabelGenerator(value -> getTranslation("notices.mode." + value.name()));
    mode.setValue(notices.mode());
    Button save =
        new Button(
            getTranslation("notices.save"),
            click -> {
              notices.changeMode(mode.getValue(), getLocale());
              Notification.show(
                      getTranslation("notices.saved"), 4000, Notification.Position.TOP_CENTER)
                  .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
    save.setId("notice-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H2(getTranslation("nav.noticeSettings")),
        new Paragraph(getTranslation("notices.explanation")),
        mode,
        save);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.noticeSettings") + " | " + getTranslation("app.name");
  }
}
