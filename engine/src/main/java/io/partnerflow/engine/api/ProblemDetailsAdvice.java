package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every error of an engine controller becomes an RFC 9457 problem detail. */
@RestControllerAdvice(basePackageClasses = ProblemDetailsAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

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
    return badRequest(
        ProblemResponses.unreadableBody(e.getMostSpecificCause().getMessage()), request);
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
    LOG.error("Engine request {} failed", request.getRequestURI(), e);
    return problems.entity(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "Unexpected error: " + e.getMessage(),
        request.getRequestURI());
  }

  private ResponseEntity<ProblemDetail> badRequest(String detail, HttpServletRequest request) {
    return problems.entity(
        HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail, request.getRequestURI());
  }
}
