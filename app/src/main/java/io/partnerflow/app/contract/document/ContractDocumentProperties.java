package io.partnerflow.app.contract.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the contract templates and the PDF font come from, and what the verification page accepts.
 *
 * @param directory folder with one Markdown file per template and language ({@code
 *     <template-id>.<language>.md}); a template not found there is taken from the copies built into
 *     the app
 * @param font Spring resource location of the TrueType font embedded (as a subset) in every PDF; it
 *     must cover Latin and Chinese
 * @param vendorName the vendor's legal name, the partner's counterparty in every agreement
 * @param maxUploadSize largest PDF the verification page accepts
 */
@ConfigurationProperties("partnerflow.contracts")
public record ContractDocumentProperties(
    String directory, String font, String vendorName, DataSize maxUploadSize) {

  public ContractDocumentProperties {
    if (directory == null || directory.isBlank()) {
      directory = "./config/contracts";
    }
    if (font == null || font.isBlank()) {
      font = "classpath:fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
    }
    if (vendorName == null || vendorName.isBlank()) {
      vendorName = "Partnerflow Example Software Ltd.";
    }
    if (maxUploadSize == null) {
      maxUploadSize = DataSize.ofMegabytes(10);
    }
  }
}
