package io.partnerflow.app.contract.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Every template of config/contracts fills and renders; the PDF's text is what was filled. */
class ContractPdfTest {

  private static final ContractDocumentProperties PROPERTIES = TestFont.properties();
  private static final ContractPdf PDF = new ContractPdf(new ContractFont(PROPERTIES));
  private static final ContractTemplates TEMPLATES = new ContractTemplates(PROPERTIES);

  @Test
  void shouldRenderTheEnglishResaleAgreementWithThePartnersNameOnNumberedPages()
      throws IOException {
    // when
    byte[] pdf = render("resale-agreement", "en", "Müller & Söhne <Handel> GmbH");

    // then
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      assertThat(text)
          .contains("Reseller Partner Agreement")
          .contains("Müller & Söhne <Handel> GmbH")
          .contains("PF-C-000042")
          .contains("Governing law and disputes")
          .contains("Page 1 of " + pages)
          .contains("Page " + pages + " of " + pages)
          .doesNotContain("{{");
      assertThat(
              document.getDocumentInformation().getCustomMetadataValue("PartnerflowContractNumber"))
          .isEqualTo("PF-C-000042");
      assertEmbeddedSubsetFont(document);
    }
  }

  @Test
  void shouldRenderTheChineseResaleAgreementInChinese() throws IOException {
    // when
    byte[] pdf = render("resale-agreement", "zh", "上海云桥信息技术有限公司");

    // then
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      int pages = document.getNumberOfPages();
      assertThat(text)
          .contains("经销合作伙伴协议")
          .contains("上海云桥信息技术有限公司")
          .contains("适用法律与争议解决")
          .contains("双方应对从另一方获得的一切非公开信息予以保密")
          .contains("第1页，共" + pages + "页");
      assertEmbeddedSubsetFont(document);
    }
  }

  @Test
  void shouldFillAndRenderEveryTemplateInEveryLanguage() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(PROPERTIES.directory()))) {
      List<String> names =
          files
              .map(path -> path.getFileName().toString())
              .filter(name -> name.matches("[a-z0-9-]+\\.(en|zh)\\.md"))
              .sorted()
              .toList();
      assertThat(names)
          .contains(
              "resale-agreement.en.md",
              "resale-agreement.zh.md",
              "resale-agreement-cn.en.md",
              "resale-agreement-cn.zh.md",
              "referral-agreement.en.md",
              "referral-agreement.zh.md",
              "technology-agreement.en.md",
              "technology-agreement.zh.md");
      for (String name : names) {
        String[] parts = name.split("\\.");
        byte[] pdf = render(parts[0], parts[1], "Every Template Partner");
        try (PDDocument document = Loader.loadPDF(pdf)) {
          assertThat(new PDFTextStripper().getText(document))
              .as(name)
              .contains("Every Template Partner")
              .doesNotContain("{{");
        }
      }
    }
  }

  @Test
  void shouldWrapALongWordlessLineAndPrintMissingGlyphsAsQuestionMarks() throws IOException {
    // given: a name without spaces far wider than the page, and an emoji the font lacks
    String name = "X".repeat(300) + "\uD83D\uDE00";

    // when
    byte[] pdf = render("referral-agreement", "en", name);

    // then
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text.replaceAll("\\s+", "")).contains("X".repeat(300) + "?");
    }
  }

  private static byte[] render(String templateId, String language, String partnerName) {
    ContractTemplate template = TEMPLATES.load(templateId, language);
    Map<String, String> values = new HashMap<>();
    values.put("partnerName", partnerName);
    values.put("partnerWebsite", "https://partner.example");
    values.put("country", "zh".equals(language) ? "中国" : "Germany");
    values.put("countryCode", "DE");
    values.put("partnerType", "Reseller");
    values.put("tier", "Gold");
    values.put("contactName", "Ann Contact");
    values.put("contactEmail", "ann@partner.example");
    values.put("vendorName", "Vendor Ltd.");
    values.put("effectiveDate", "1 January 2027");
    values.put("endDate", "31 December 2028");
    values.put("termMonths", "24");
    values.put("contractNumber", "PF-C-000042");
    String body = Placeholders.fill(templateId, template.body(), values);
    return PDF.render(
        new ContractPdf.Content(
            template.title(),
            List.of("Contract number: PF-C-000042", "Between Vendor Ltd. and " + partnerName),
            body,
            "PF-C-000042",
            language,
            Instant.parse("2027-01-01T00:00:00Z"),
            (page, pages) ->
                "zh".equals(language)
                    ? "第 " + page + " 页，共 " + pages + " 页"
                    : "Page " + page + " of " + pages));
  }

  private static void assertEmbeddedSubsetFont(PDDocument document) throws IOException {
    PDFont font =
        document
            .getPage(0)
            .getResources()
            .getFont(document.getPage(0).getResources().getFontNames().iterator().next());
    assertThat(font.isEmbedded()).isTrue();
    // a subset's name carries a six-letter tag: ABCDEF+NotoSansSC-Regular
    assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
  }
}
