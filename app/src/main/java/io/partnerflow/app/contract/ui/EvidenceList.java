package io.partnerflow.app.contract.ui;

import com.vaadin.flow.component.grid.Grid;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.contract.SignatureEvidence;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The signatures recorded so far, with their evidence, for the countersigner. */
class EvidenceList extends Grid<SignatureEvidence> {

  EvidenceList(List<SignatureEvidence> evidence) {
    setId("contract-evidence");
    addColumn(signature -> getTranslation("contract.ui.role." + signature.role().name()))
        .setHeader(getTranslation("contract.ui.evidence.role"));
    addColumn(SignatureEvidence::typedName).setHeader(getTranslation("contract.ui.evidence.name"));
    addColumn(SignatureEvidence::account).setHeader(getTranslation("contract.ui.evidence.account"));
    addColumn(
            signature ->
                signature.signedAt() == null
                    ? "—"
                    : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(getLocale())
                        .withZone(DisplayZone.get())
                        .format(signature.signedAt()))
        .setHeader(getTranslation("contract.ui.evidence.time"));
    addColumn(SignatureEvidence::clientAddress)
        .setHeader(getTranslation("contract.ui.evidence.address"));
    addColumn(SignatureEvidence::userAgent)
        .setHeader(getTranslation("contract.ui.evidence.userAgent"))
        .setFlexGrow(2);
    addColumn(signature -> signature.documentSha256())
        .setHeader(getTranslation("contract.ui.evidence.sha256"))
        .setFlexGrow(2);
    setAllRowsVisible(true);
    setItems(evidence);
  }
}
