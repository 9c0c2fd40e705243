package io.partnerflow.app.contract.ui;

import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.contract.ContractDocuments;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.ContractSigningException;
import io.partnerflow.app.contract.SigningTask;
import io.partnerflow.app.tasklist.TaskDetails;
import io.partnerflow.app.tasklist.ui.TaskPanelProvider;
import java.util.Set;

/**
 * The contract feature's screens in the task list: the signing screen for {@code sign-contract}
 * (the partner's signatory, in the portal) and the countersigning screen for {@code
 * countersign-contract} (legal). What they show and do goes through {@link ContractSigning}, which
 * checks on the server who may.
 */
@org.springframework.stereotype.Component
class SigningPanels implements TaskPanelProvider {

  private final ContractSigning signing;
  private final ContractDocuments documents;

  SigningPanels(ContractSigning signing, ContractDocuments documents) {
    this.signing = signing;
    this.documents = documents;
  }

  @Override
  public Set<String> elementIds() {
    return Set.of("sign-contract", "countersign-contract");
  }

  @Override
  public com.vaadin.flow.component.Component create(TaskDetails details, Runnable done) {
    try {
      SigningTask task = signing.open(details.task().key());
      byte[] pdf = documents.content(task.document().id());
      return new SigningPanel(task, pdf, signing, RequestOrigin.current(), done);
    } catch (ContractSigningException unavailable) {
      Paragraph message = new Paragraph();
      message.setText(message.getTranslation(unavailable.messageKey()));
      message.setId("signing-unavailable");
      return message;
    }
  }
}
