package io.partnerflow.app.enablement.learning;

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
 * {@code GET /learning/files/{enrolmentId}/{fileId}}: a module's file as a download for the person
 * enrolled (their own enrolment, the file of its course version, the module not locked). Everything
 * else answers 404 alike, so the answer tells nothing about which ids exist.
 */
@RestController
class CourseFileController {

  static final String PATH = "/learning/files/";

  private final LearningService learning;

  CourseFileController(LearningService learning) {
    this.learning = learning;
  }

  /** The link a course page gives for a file. */
  static String link(long enrolmentId, long fileId) {
    return PATH + enrolmentId + "/" + fileId;
  }

  @GetMapping(PATH + "{enrolmentId}/{fileId}")
  ResponseEntity<byte[]> download(
      @PathVariable("enrolmentId") long enrolmentId, @PathVariable("fileId") long fileId) {
    CourseFileContent file;
    try {
      file = learning.file(enrolmentId, fileId);
    } catch (AccessDeniedException | LearningRefusedException refused) {
      return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(file.contentType());
    } catch (RuntimeException unknown) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(file.content().length)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }
}
