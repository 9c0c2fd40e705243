package io.partnerflow.app.enablement.certification.document;

import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificateNotFoundException;
import io.partnerflow.app.enablement.certification.CertificationService;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /certificates/{id}?language=en|zh}: the certificate as a PDF download, for whoever
 * {@link CertificationService#certificate} lets see it — the holder, their organisation's main
 * contact, staff. Ids are sequential: an unknown id and somebody else's both answer 404.
 */
@RestController
class CertificateDownloadController {

  static final String PATH = "/certificates/";

  private final CertificationService certification;
  private final CertificatePdf pdf;

  CertificateDownloadController(CertificationService certification, CertificatePdf pdf) {
    this.certification = certification;
    this.pdf = pdf;
  }

  @GetMapping(PATH + "{id}")
  ResponseEntity<byte[]> download(
      @PathVariable("id") long id,
      @RequestParam(name = "language", defaultValue = "en") String language) {
    Certificate certificate;
    try {
      certificate = certification.certificate(id);
    } catch (CertificateNotFoundException | AccessDeniedException refused) {
      return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
    Locale locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    byte[] content = pdf.render(certificate, locale);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .contentLength(content.length)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(CertificatePdf.fileName(certificate, locale))
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
