package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details in the shape the Camunda client reads. */
@Component
public class ProblemResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  private final ObjectMapper objectMapper;

  public ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public ResponseEntity<ProblemDetail> entity(
      HttpStatusCode status, String title, String detail, String path) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status, title, detail, path));
  }

  /** For filters (security) that answer before Spring MVC is involved. */
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(
        response.getOutputStream(), problem(status, title, detail, request.getRequestURI()));
  }

  /**
   * A 500 that tells the caller nothing of the internals (exception messages may name tables, SQL
   * or file paths): the failure is logged with a reference the answer carries.
   */
  public ResponseEntity<ProblemDetail> internalError(String path, Throwable failure) {
    return entity(
        HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", logInternalError(path, failure), path);
  }

  /** {@link #internalError(String, Throwable)} for filters. */
  public void internalError(
      HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        logInternalError(request.getRequestURI(), failure));
  }

  private static String logInternalError(String path, Throwable failure) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Engine request {} failed (reference {})", path, reference, failure);
    return "Unexpected error in the engine; the engine's log has the details under reference "
        + reference;
  }

  /** The detail for a body that is not the JSON expected: the reader's reason, first line. */
  public static String unreadableBody(String reason) {
    if (reason == null) {
      return "Request body could not be read: malformed JSON";
    }
    int newline = reason.indexOf('\n');
    return "Request body could not be read: "
        + (newline < 0 ? reason : reason.substring(0, newline));
  }

  private static ProblemDetail problem(
      HttpStatusCode status, String title, String detail, String path) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    if (path != null) {
      problem.setInstance(URI.create(path));
    }
    return problem;
  }
}
