package io.partnerflow.app.contract.document;

import io.partnerflow.app.contract.ContractDocuments;
import io.partnerflow.app.contract.StoredDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /contracts/documents/{id}}: the stored PDF as a download, for whoever {@link
 * ContractDocuments#content} lets read it. An unknown id and another partner's id both answer 404,
 * so that the answer tells nothing about which ids exist. Never cached: browsers and proxies keep
 * no copy of a contract.
 */
@RestController
class ContractDocumentController {

  static final String PATH = "/contracts/documents/";

  private final ContractDocuments documents;

  ContractDocumentController(ContractDocuments documents) {
    this.documents = documents;
  }

  @GetMapping(PATH + "{id}")
  ResponseEntity<byte[]> download(@PathVariable("id") long id) {
    StoredDocument document;
    byte[] content;
    try {
      document = documents.describe(id);
      content = documents.content(id);
    } catch (AccessDeniedException refused) {
      return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .contentLength(content.length)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
