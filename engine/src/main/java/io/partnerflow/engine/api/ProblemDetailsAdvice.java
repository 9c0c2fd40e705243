package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every error of an engine controller becomes an RFC 9457 problem detail. */
@RestControllerAdvice(basePackageClasses = ProblemDetailsAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

  private final ProblemResponses problems;

  ProblemDetailsAdvice(ProblemResponses problems) {
    this.problems = problems;
  }

  @ExceptionHandler(EngineException.class)
  ResponseEntity<ProblemDetail> engine(EngineException e, HttpServletRequest request) {
    return problems.entity(
        HttpStatus.valueOf(e.status()), e.title(), e.getMessage(), request.getRequestURI());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    if (BodyTooLargeException.causedBy(e)) {
      return tooLarge(RequestBodyLimitFilter.detail(), request);
    }
    return badRequest(
        ProblemResponses.unreadableBody(e.getMostSpecificCause().getMessage()), request);
  }

  /** A deployment beyond spring.servlet.multipart.max-file-size / max-request-size. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> uploadTooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return tooLarge(
        "Expected the deployment to be within the upload limits (%s)"
            .formatted(
                e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "multipart settings"),
        request);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class,
    MultipartException.class,
    HttpMediaTypeNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> badInput(Exception e, HttpServletRequest request) {
    return badRequest(e.getMessage(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return problems.entity(
        HttpStatus.METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        e.getMessage(),
        request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (BodyTooLargeException.causedBy(e)) {
      return tooLarge(RequestBodyLimitFilter.detail(), request);
    }
    return problems.internalError(request.getRequestURI(), e);
  }

  private ResponseEntity<ProblemDetail> tooLarge(String detail, HttpServletRequest request) {
    return problems.entity(
        HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", detail, request.getRequestURI());
  }

  private ResponseEntity<ProblemDetail> badRequest(String detail, HttpServletRequest request) {
    return problems.entity(
        HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail, request.getRequestURI());
  }
}
