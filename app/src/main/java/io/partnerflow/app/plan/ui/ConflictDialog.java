package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.plan.PlanConflictException;
import java.util.Locale;

/** "Changed by X at T": reload the stored plan, or keep one's own input and save it over. */
class ConflictDialog extends Dialog {

  ConflictDialog(
      PlanConflictException conflict, Locale locale, Runnable reload, Runnable keepMine) {
    setId("plan-conflict");
    setHeaderTitle(getTranslation("plan.conflict.title"));
    Paragraph text =
        new Paragraph(
            getTranslation(
                "plan.conflict.text",
                conflict.changedBy() == null ? "?" : conflict.changedBy(),
                PlanLabels.dateTime(conflict.changedAt(), locale)));
    text.setId("plan-conflict-text");
    add(text);
    Button reloadButton =
        new Button(
            getTranslation("plan.conflict.reload"),
            e -> {
              close();
              reload.run();
            });
    reloadButton.setId("plan-conflict-reload");
    Button keep =
        new Button(
            getTranslation("plan.conflict.keepMine"),
            e -> {
              close();
              keepMine.run();
            });
    keep.setId("plan-conflict-keep");
    keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(reloadButton, keep);
  }
}
