package io.partnerflow.app.contract.document.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.contract.document.ContractDocumentProperties;
import io.partnerflow.app.contract.document.ContractDocumentService;
import io.partnerflow.app.contract.document.Verification;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks an uploaded PDF against the contracts this installation sealed: valid, modified or
 * unknown. Every logged-in user may check a copy they were given (a partner their own contract);
 * staff also see which contract it is, partner users the verdict only.
 */
@Route("contracts/verify")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT", "PARTNER"})
@Menu(order = 40, title = "nav.verifyContract", icon = "CHECK_SQUARE_O")
public class VerifyContractView extends VerticalLayout implements HasDynamicTitle {

  private final ContractDocumentService documents;
  private final long maxBytes;
  private final Div result = new Div();

  public VerifyContractView(
      ContractDocumentService documents, ContractDocumentProperties properties) {
    this.documents = documents;
    this.maxBytes = properties.maxUploadSize().toBytes();
    setId("verify-contract-view");
    result.setId("verify-result");
    add(
        new H2(getTranslation("verify.title")),
        new Paragraph(getTranslation("verify.intro", properties.maxUploadSize().toMegabytes())),
        upload(),
        result);
  }

  private Upload upload() {
    Upload upload =
        new Upload(UploadHandler.inMemory((metadata, data) -> check(metadata.fileName(), data)));
    upload.setId("verify-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
    upload.setAcceptedFileTypes("application/pdf", ".pdf");
    upload.addFileRejectedListener(event -> show("error", getTranslation("verify.rejected")));
    return upload;
  }

  /** The verdict on one uploaded file; refused with a reason when it is no PDF or too large. */
  void check(String fileName, byte[] data) {
    if (data.length > maxBytes) {
      show("error", getTranslation("verify.tooLarge", maxBytes / (1024 * 1024)));
      return;
    }
    if (!looksLikePdf(data)) {
      show("error", getTranslation("verify.notPdf", fileName == null ? "" : fileName));
      return;
    }
    Verification verification = documents.check(data);
    String verdict = verification.verdict().name().toLowerCase(Locale.ROOT);
    show(verdict, getTranslation("verify.verdict." + verdict));
    if (verification.document() != null) {
      StoredDocument document = verification.document();
      Anchor download =
          new Anchor(
              "contracts/documents/" + document.id(),
              getTranslation("verify.document", document.fileName()));
      download.setId("verify-document");
      download.getElement().setAttribute("router-ignore", true);
      result.add(new Paragraph(download));
    }
    if (!verification.contractNumbers().isEmpty()) {
      Paragraph numbers =
          new Paragraph(
              getTranslation(
                  "verify.contractNumbers", String.join(", ", verification.contractNumbers())));
      numbers.setId("verify-contract-numbers");
      result.add(numbers);
    }
  }

  private void show(String kind, String text) {
    result.removeAll();
    Paragraph message = new Paragraph(text);
    message.setId("verify-verdict");
    message.getElement().setAttribute("data-verdict", kind);
    message.addClassNames(
        LumoUtility.FontWeight.SEMIBOLD,
        switch (kind) {
          case "valid" -> LumoUtility.TextColor.SUCCESS;
          case "unknown" -> LumoUtility.TextColor.SECONDARY;
          default -> LumoUtility.TextColor.ERROR;
        });
    result.add(message);
  }

  /** PDF files start with "%PDF-" within their first kilobyte. */
  private static boolean looksLikePdf(byte[] data) {
    String head = new String(data, 0, Math.min(data.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }

  @Override
  public String getPageTitle() {
    return getTranslation("verify.title") + " | " + getTranslation("app.name");
  }
}
