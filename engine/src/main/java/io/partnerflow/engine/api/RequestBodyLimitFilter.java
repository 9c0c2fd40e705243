package io.partnerflow.engine.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every {@code /v2} request body is limited to {@link #MAX_BODY_BYTES}: a declared larger length is
 * answered 413 before anything reads it, a longer chunked body fails on the byte past the limit
 * (the readers turn that into the same 413). Deployments (multipart) are limited by the servlet
 * container's multipart settings instead ({@code spring.servlet.multipart.*}), also answered 413.
 */
@Component
class RequestBodyLimitFilter implements Filter, Ordered {

  /** Camunda's default maximum message size (4 MiB). */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** A whole deployment request (Spring Boot's default multipart request limit, 10 MiB). */
  static final long MAX_DEPLOYMENT_BYTES = 10L * 1024 * 1024;

  private final ProblemResponses problems;

  RequestBodyLimitFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  /** Before {@link HotPathFilter} and Spring Security: no work for a body that is refused. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    if (!path.startsWith("/v2/")) {
      chain.doFilter(request, response);
      return;
    }
    if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
      // the container parses multipart within spring.servlet.multipart.*; a declared larger
      // deployment is answered here, with a problem detail, before the parser reads any of it
      if (request.getContentLengthLong() > MAX_DEPLOYMENT_BYTES) {
        ((HttpServletResponse) response).setHeader("Connection", "close");
        problems.write(
            request,
            (HttpServletResponse) response,
            HttpStatus.PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            "Expected a deployment of at most %d bytes (10 MiB)".formatted(MAX_DEPLOYMENT_BYTES));
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      tooLarge(request, (HttpServletResponse) response);
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // the rest of the body is not read: the connection must not carry another request
    response.setHeader("Connection", "close");
    problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", detail());
  }

  static String detail() {
    return "Expected a request body of at most %d bytes (4 MiB, Camunda's default message size)"
        .formatted(MAX_BODY_BYTES);
  }

  /** A request whose body stream fails past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream());
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private long read;

    LimitedStream(ServletInputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new BodyTooLargeException(MAX_BODY_BYTES);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
