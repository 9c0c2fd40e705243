package io.partnerflow.app.contract.document;

import io.partnerflow.app.contract.document.MarkdownBlocks.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders a filled contract to PDF with Apache PDFBox: a title block (title, contract number,
 * parties, template and version), the template's headings, paragraphs and list items wrapped to A4,
 * and on every page a footer with the contract number and "page n of m". The contract number is
 * also kept in the document information, where verification looks for it.
 */
@Component
class ContractPdf {

  /** Document information key holding the contract number. */
  static final String CONTRACT_NUMBER_KEY = "PartnerflowContractNumber";

  static final float BODY = 10.5f;

  private final ContractFont font;

  ContractPdf(ContractFont font) {
    this.font = font;
  }

  /** What goes on the pages, already filled and translated. */
  record Content(
      String title,
      List<String> titleBlock,
      String markdown,
      String contractNumber,
      String language,
      Instant createdAt,
      PageLabel pageLabel) {}

  /** The footer's "page n of m" in the document's language. */
  interface PageLabel {
    String of(int page, int pages);
  }

  byte[] render(Content content) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font pdfFont = font.loadInto(document);
      try (PageFlow flow = new PageFlow(document, pdfFont)) {
        flow.heading(content.title(), 18, 0);
        for (String line : content.titleBlock()) {
          flow.text(line, 9.5f, 0, 2);
        }
        flow.rule(8);
        for (Block block : MarkdownBlocks.parse(content.markdown())) {
          write(flow, block);
        }
        footers(flow, pdfFont, document, content);
      }
      describe(document, content);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // no object streams: the contract number stays readable in the file's bytes (verification)
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render contract " + content.contractNumber(), e);
    }
  }

  private static void write(PageFlow flow, Block block) {
    switch (block.kind()) {
      case HEADING_1 -> flow.heading(block.text(), 15, 14);
      case HEADING_2 -> flow.heading(block.text(), 12.5f, 12);
      case HEADING_3 -> flow.heading(block.text(), 11, 8);
      case PARAGRAPH -> flow.text(block.text(), BODY, 0, 5);
      case BULLET -> flow.item("•", block.text(), BODY, 3);
      case NUMBERED -> flow.item(block.marker(), block.text(), BODY, 3);
    }
  }

  private static void footers(
      PageFlow flow, PDType0Font pdfFont, PDDocument document, Content content) {
    flow.close();
    int pages = document.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = document.getPage(i);
      float atY = PageFlow.BOTTOM - 30;
      flow.stamp(page, content.contractNumber(), 8, PageFlow.MARGIN, atY, false);
      flow.stamp(
          page,
          content.pageLabel().of(i + 1, pages),
          8,
          PageFlow.MARGIN + PageFlow.WIDTH,
          atY,
          true);
    }
  }

  private static void describe(PDDocument document, Content content) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(content.title());
    info.setSubject(content.contractNumber());
    info.setCreator("Partnerflow");
    info.setCustomMetadataValue(CONTRACT_NUMBER_KEY, content.contractNumber());
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(content.createdAt().toEpochMilli());
    info.setCreationDate(created);
    document.getDocumentCatalog().setLanguage("zh".equals(content.language()) ? "zh-CN" : "en");
  }
}
