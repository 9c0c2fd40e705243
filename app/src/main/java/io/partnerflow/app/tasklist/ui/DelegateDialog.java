package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.tasklist.TaskActionRefusedException;
import io.partnerflow.app.tasklist.TaskAssignments;
import io.partnerflow.app.tasklist.TaskSummary;
import java.util.List;

/**
 * The assignee hands the task to a colleague who may work it, saying why; the reason goes into the
 * task's audit entry. A refusal keeps the dialog and what was typed.
 */
class DelegateDialog extends Dialog {

  DelegateDialog(TaskAssignments assignments, TaskSummary task, Runnable delegated) {
    setId("delegate-dialog");
    setHeaderTitle(getTranslation("tasklist.delegate.title"));
    ComboBox<UserAccount> colleague = new ComboBox<>(getTranslation("tasklist.bulk.assignee"));
    colleague.setId("delegate-to");
    colleague.setItemLabelGenerator(UserAccount::displayName);
    colleague.setItems(
        assignments.colleaguesFor(List.of(task)).stream()
            .filter(user -> !user.username().equals(task.assignee()))
            .toList());
    colleague.setWidthFull();
    TextArea reason = new TextArea(getTranslation("tasklist.delegate.reason"));
    reason.setId("delegate-reason");
    reason.setMaxLength(TaskAssignments.MAX_REASON);
    reason.setRequired(true);
    reason.setWidthFull();
    add(new VerticalLayout(colleague, reason));
    Button confirm =
        new Button(
            getTranslation("tasklist.delegate.confirm"),
            click -> {
              try {
                assignments.delegate(
                    task.key(),
                    colleague.getValue() == null ? null : colleague.getValue().username(),
                    reason.getValue());
                close();
                Notification.show(
                        getTranslation("tasklist.delegate.done"),
                        5000,
                        Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                delegated.run();
              } catch (TaskActionRefusedException refused) {
                Notification.show(
                        getTranslation(refused.getMessage()),
                        5000,
                        Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    confirm.setId("delegate-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("tasklist.delegate.cancel"), click -> close());
    getFooter().add(cancel, confirm);
  }
}
