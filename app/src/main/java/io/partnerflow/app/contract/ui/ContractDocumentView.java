package io.partnerflow.app.contract.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import io.partnerflow.app.contract.StoredDocument;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The document to sign: its pages in the page, scrollable, and a download of the exact PDF. The
 * bytes come from {@code ContractDocuments.content}, which checks who may read them.
 */
class ContractDocumentView extends VerticalLayout {

  ContractDocumentView(StoredDocument document, byte[] pdf) {
    setId("contract-document");
    setPadding(false);
    Anchor download =
        new Anchor(
            new StreamResource(document.fileName(), () -> new ByteArrayInputStream(pdf))
                .setContentType("application/pdf"),
            getTranslation("contract.ui.download", document.fileName()));
    download.setId("contract-download");
    download.getElement().setAttribute("download", document.fileName());
    Div pages = new Div();
    pages.setId("contract-pages");
    pages
        .getStyle()
        .set("max-height", "70vh")
        .set("overflow", "auto")
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("background", "var(--lumo-contrast-5pct)")
        .set("padding", "var(--lumo-space-s)");
    List<byte[]> images = DocumentPages.render(pdf);
    for (int index = 0; index < images.size(); index++) {
      byte[] png = images.get(index);
      Image page =
          new Image(
              new StreamResource(
                  "page-" + (index + 1) + ".png", () -> new ByteArrayInputStream(png)),
              getTranslation("contract.ui.page", index + 1));
      page.addClassName("contract-page");
      page.setWidthFull();
      page.getStyle().set("display", "block").set("margin-bottom", "var(--lumo-space-s)");
      pages.add(page);
    }
    add(download, pages);
    setFlexGrow(1, pages);
  }
}
