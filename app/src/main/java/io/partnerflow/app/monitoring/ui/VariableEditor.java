package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import io.partnerflow.app.monitoring.MonitoringException;
import io.partnerflow.app.monitoring.VariableEntry;
import java.util.function.Consumer;

/**
 * Edits one variable's JSON value. Saving asks for confirmation; a value the server refuses (not
 * JSON, instance gone) stays in the field with the reason beside it, so nothing typed is lost.
 */
class VariableEditor extends Dialog {

  private final TextArea value = new TextArea();

  VariableEditor(VariableEntry variable, Consumer<String> save) {
    setId("variable-editor");
    setHeaderTitle(getTranslation("monitoring.editVariable", variable.name()));
    value.setId("variable-value");
    value.setLabel(getTranslation("monitoring.valueJson"));
    value.setValue(variable.json() == null ? "" : variable.json());
    value.setWidth("36em");
    value.setMinHeight("8em");
    add(value);
    Button saveButton = new Button(getTranslation("monitoring.save"));
    saveButton.setId("variable-save");
    saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    saveButton.addClickListener(event -> confirm(variable, save));
    Button close = new Button(getTranslation("monitoring.close"), event -> close());
    getFooter().add(close, saveButton);
  }

  private void confirm(VariableEntry variable, Consumer<String> save) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("variable-confirm");
    confirm.setHeader(getTranslation("monitoring.editVariable", variable.name()));
    confirm.setText(getTranslation("monitoring.variable.confirm", variable.name()));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("monitoring.close"));
    confirm.setConfirmText(getTranslation("monitoring.save"));
    confirm.addConfirmListener(
        event -> {
          try {
            save.accept(value.getValue());
            close();
          } catch (MonitoringException e) {
            value.setInvalid(true);
            value.setErrorMessage(
                getTranslation(e.messageKey()) + (e.detail() == null ? "" : ": " + e.detail()));
          }
        });
    confirm.open();
  }
}
