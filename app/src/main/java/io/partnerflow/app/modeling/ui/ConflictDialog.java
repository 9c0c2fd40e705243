package io.partnerflow.app.modeling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.modeling.ModelConflictException;
import io.partnerflow.app.modeling.ModelDraft;

/**
 * Tells the operator that somebody else saved or deployed the model meanwhile. Nothing of theirs
 * was overwritten and nothing of the operator's is lost: they download their copy first, then load
 * the current version.
 */
class ConflictDialog extends Dialog {

  ConflictDialog(ModelConflictException conflict, Runnable downloadMine, Runnable loadCurrent) {
    setId("model-conflict");
    setHeaderTitle(getTranslation("models.conflict.title"));
    ModelDraft draft = conflict.currentDraft();
    String who =
        draft == null
            ? getTranslation("models.conflict.deployed", conflict.currentDeployedVersion())
            : getTranslation(
                "models.conflict.draft",
                draft.author(),
                Formats.dateTime(draft.updatedAt(), getLocale()),
                conflict.currentDeployedVersion());
    Paragraph message = new Paragraph(who + " " + getTranslation("models.conflict.advice"));
    message.setId("model-conflict-message");
    add(message);
    Button download =
        new Button(getTranslation("models.conflict.download"), click -> downloadMine.run());
    download.setId("model-conflict-download");
    download.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button load =
        new Button(
            getTranslation("models.conflict.load"),
            click -> {
              close();
              loadCurrent.run();
            });
    load.setId("model-conflict-load");
    Button keep = new Button(getTranslation("models.conflict.keep"), click -> close());
    keep.setId("model-conflict-keep");
    getFooter().add(keep, load, download);
  }
}
