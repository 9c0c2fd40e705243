package io.partnerflow.app.contract.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.ContractSigningException;
import io.partnerflow.app.contract.SignatureInput;
import io.partnerflow.app.contract.SignerRole;
import io.partnerflow.app.contract.SigningTask;

/**
 * The signing screen: the document, then the signature (full name typed, consent ticked, Sign
 * enabled only then; the server checks again). The partner's signatory may decline with a reason;
 * legal sees the partner's evidence and countersigns, or requests changes with a comment. A refusal
 * marks the field concerned and keeps everything typed.
 */
class SigningPanel extends VerticalLayout {

  private final SigningTask task;
  private final ContractSigning signing;
  private final Runnable done;
  private final RequestOrigin origin;
  private final TextField fullName = new TextField();
  private final Checkbox consent = new Checkbox();
  private final Button sign = new Button();
  private final TextArea objection = new TextArea();
  private final Span error = new Span();

  SigningPanel(
      SigningTask task, byte[] pdf, ContractSigning signing, RequestOrigin origin, Runnable done) {
    this.task = task;
    this.signing = signing;
    this.origin = origin;
    this.done = done;
    boolean legal = task.signAs() == SignerRole.LEGAL;
    setId(legal ? "countersign-panel" : "signing-panel");
    setPadding(false);
    add(
        new Paragraph(
            getTranslation(
                legal ? "contract.ui.intro.legal" : "contract.ui.intro", task.partnerName())));
    add(new ContractDocumentView(task.document(), pdf));
    if (legal) {
      add(new H3(getTranslation("contract.ui.evidence.title")));
      add(new EvidenceList(task.earlierSignatures()));
    }
    error.setId("signing-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    add(signature(legal), error, objection(legal));
  }

  private VerticalLayout signature(boolean legal) {
    fullName.setId("signer-name");
    fullName.setLabel(getTranslation("contract.ui.fullName"));
    fullName.setMaxLength(200);
    fullName.setWidth("24em");
    fullName.setValueChangeMode(ValueChangeMode.EAGER);
    consent.setId("signer-consent");
    consent.setLabel(
        getTranslation(
            legal ? "contract.ui.consent.legal" : "contract.ui.consent", task.partnerName()));
    sign.setText(getTranslation(legal ? "contract.ui.countersign" : "contract.ui.sign"));
    sign.setId("sign-contract");
    sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    sign.setEnabled(false);
    sign.setDisableOnClick(true);
    fullName.addValueChangeListener(event -> updateSignButton());
    consent.addValueChangeListener(event -> updateSignButton());
    sign.addClickListener(click -> sign());
    VerticalLayout form =
        new VerticalLayout(
            new H3(
                getTranslation(legal ? "contract.ui.countersignTitle" : "contract.ui.signTitle")),
            fullName,
            consent,
            sign);
    form.setPadding(false);
    return form;
  }

  private VerticalLayout objection(boolean legal) {
    objection.setId(legal ? "change-comment" : "decline-reason");
    objection.setLabel(
        getTranslation(legal ? "contract.ui.changeComment" : "contract.ui.declineReason"));
    objection.setMaxLength(2000);
    objection.setWidth("36em");
    Button object =
        new Button(
            getTranslation(legal ? "contract.ui.requestChanges" : "contract.ui.decline"),
            click -> object(legal));
    object.setId(legal ? "request-changes" : "decline-contract");
    object.addThemeVariants(ButtonVariant.LUMO_ERROR);
    HorizontalLayout row = new HorizontalLayout(objection, object);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    VerticalLayout section =
        new VerticalLayout(
            new H3(getTranslation(legal ? "contract.ui.changesTitle" : "contract.ui.declineTitle")),
            row);
    section.setPadding(false);
    return section;
  }

  private void updateSignButton() {
    sign.setEnabled(!fullName.getValue().isBlank() && consent.getValue());
  }

  private void sign() {
    clearErrors();
    try {
      signing.sign(
          task.userTaskKey(),
          new SignatureInput(
              fullName.getValue(),
              consent.getValue(),
              task.document().sha256(),
              origin.clientAddress(),
              origin.userAgent()));
      done.run();
    } catch (ContractSigningException refused) {
      show(refused);
    } finally {
      updateSignButton();
    }
  }

  private void object(boolean legal) {
    clearErrors();
    if (objection.getValue().isBlank()) {
      mark(objection, legal ? "contract.error.commentRequired" : "contract.error.reasonRequired");
      return;
    }
    try {
      if (legal) {
        signing.requestChanges(task.userTaskKey(), objection.getValue());
      } else {
        signing.decline(task.userTaskKey(), objection.getValue());
      }
      done.run();
    } catch (ContractSigningException refused) {
      show(refused);
    }
  }

  private void show(ContractSigningException refused) {
    String key = refused.messageKey();
    switch (key) {
      case "contract.error.typedName", "contract.error.typedNameTooLong" -> mark(fullName, key);
      case "contract.error.consent" -> mark(consent, key);
      case "contract.error.reasonRequired",
          "contract.error.commentRequired",
          "contract.error.tooLong" ->
          mark(objection, key);
      default -> {
        error.setText(getTranslation(key));
        Notification.show(getTranslation(key), 6000, Notification.Position.TOP_CENTER)
            .addThemeVariants(NotificationVariant.LUMO_ERROR);
      }
    }
  }

  private void mark(HasValidation field, String key) {
    field.setErrorMessage(getTranslation(key));
    field.setInvalid(true);
    error.setText(getTranslation(key));
  }

  private void clearErrors() {
    error.setText("");
    for (HasValidation field : new HasValidation[] {fullName, consent, objection}) {
      field.setInvalid(false);
      field.setErrorMessage(null);
    }
  }
}
