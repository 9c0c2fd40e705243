package io.partnerflow.engine.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.partnerflow.engine.problem.EngineException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Serves the requests every process step makes — instance creation, job activation, job completion,
 * about 4.7 per instance of a three-task process — and the task list's user task search at the
 * start of the servlet filter chain. Through Spring Security's chain and Spring MVC (handler
 * lookup, argument resolution, content negotiation, an async re-dispatch for each long poll) their
 * framework work cost more CPU than the engine's own work (engine/README.md, throughput benchmark).
 * Here they get the same credential check, commands, JSON mapper and problem details, without that
 * machinery; a held long poll is plain servlet async. Every other request goes on down the chain
 * unchanged.
 */
@Component
class HotPathFilter implements Filter, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(HotPathFilter.class);

  /** Bodies are read whole before parsing; variables beyond this are refused, not buffered. */
  static final int MAX_BODY_BYTES = RequestBodyLimitFilter.MAX_BODY_BYTES;

  private final List<HotEndpoint> endpoints;
  private final ApiCredential credential;
  private final ApiUnauthorized unauthorized;
  private final ProblemResponses problems;
  private final ObjectWriter writer;

  HotPathFilter(
      List<HotEndpoint> endpoints,
      ApiCredential credential,
      ApiUnauthorized unauthorized,
      ProblemResponses problems,
      ObjectMapper mapper) {
    this.endpoints = List.copyOf(endpoints);
    this.credential = credential;
    this.unauthorized = unauthorized;
    this.problems = problems;
    this.writer = mapper.writer();
  }

  /**
   * After Boot's character-encoding and observation filters (so metrics still count these
   * requests), before Spring Security's chain (-100) and everything else.
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public void doFilter(
      ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HotEndpoint endpoint = path.startsWith("/v2/") ? endpointFor(path) : null;
    if (endpoint == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!credential.acceptsAuthorization(request.getHeader("Authorization"))) {
      unauthorized.write(request, response);
      return;
    }
    // what Spring Security's header writer adds to /v2 answers that matter for an API
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    CompletableFuture<HotEndpoint.Reply> reply = handle(endpoint, path, request);
    if (reply.isDone() || !request.isAsyncSupported()) {
      // (a filter before this one that does not support async: the request thread waits)
      answer(request, response, reply);
      return;
    }
    // held (long poll, awaited completion): the endpoint's own timer always completes the future
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    reply.whenComplete(
        (result, failure) -> {
          try {
            answer(request, response, reply);
          } catch (IOException | RuntimeException gone) {
            LOG.debug("Could not answer {} (client gone?)", path, gone);
          } finally {
            async.complete();
          }
        });
  }

  private HotEndpoint endpointFor(String path) {
    for (HotEndpoint endpoint : endpoints) {
      if (endpoint.serves(path)) {
        return endpoint;
      }
    }
    return null;
  }

  private static CompletableFuture<HotEndpoint.Reply> handle(
      HotEndpoint endpoint, String path, HttpServletRequest request) {
    try {
      if (!"POST".equals(request.getMethod())) {
        throw new EngineException(
            405,
            "METHOD_NOT_ALLOWED",
            "Request method '%s' is not supported; %s takes POST"
                .formatted(request.getMethod(), path));
      }
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new BodyTooLargeException(MAX_BODY_BYTES);
      }
      String type = request.getContentType();
      if (body.length > 0 && (type == null || !isJson(type))) {
        throw EngineException.invalid(
            "Content-Type '%s' is not supported; send application/json".formatted(type));
      }
      return endpoint.handle(path, body);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * application/json or application/*+json, parameters allowed: what Spring MVC's JSON converter
   * reads (a full media type parse per request costs more than this).
   */
  private static boolean isJson(String contentType) {
    int end = contentType.indexOf(';');
    String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
    return type.regionMatches(true, 0, "application/", 0, 12)
        && (type.regionMatches(true, 12, "json", 0, 4) && type.length() == 16
            || type.regionMatches(true, type.length() - 5, "+json", 0, 5));
  }

  private void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      CompletableFuture<HotEndpoint.Reply> reply)
      throws IOException {
    HotEndpoint.Reply result;
    try {
      result = reply.join();
    } catch (CompletionException e) {
      problem(request, response, e.getCause());
      return;
    }
    response.setStatus(result.status());
    if (result.body() != null) {
      byte[] json = writer.writeValueAsBytes(result.body());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setContentLength(json.length);
      response.getOutputStream().write(json);
    }
  }

  private void problem(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    if (BodyTooLargeException.causedBy(failure)) {
      problems.write(
          request,
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "PAYLOAD_TOO_LARGE",
          RequestBodyLimitFilter.detail());
    } else if (failure instanceof EngineException e) {
      if (e.status() == 405) {
        response.setHeader("Allow", "POST");
      }
      problems.write(request, response, HttpStatus.valueOf(e.status()), e.title(), e.getMessage());
    } else if (failure instanceof JacksonException e) {
      problems.write(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "INVALID_ARGUMENT",
          ProblemResponses.unreadableBody(e.getMessage()));
    } else {
      problems.internalError(request, response, failure);
    }
  }
}
