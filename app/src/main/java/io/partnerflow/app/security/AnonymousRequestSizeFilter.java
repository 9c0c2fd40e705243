package io.partnerflow.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every request from somebody not logged in (the public apply and status pages,
 * the login form): a declared larger body is answered 413 before anything reads it, a longer
 * chunked one fails while being read. Runs ahead of Spring Security, so the login form and requests
 * the security chain would refuse are capped too; "logged in" is read from the session's security
 * context. The engine's /v2 has its own limit.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class AnonymousRequestSizeFilter extends OncePerRequestFilter {

  private final long limit;

  AnonymousRequestSizeFilter(
      @Value("${partnerflow.security.anonymous-max-request-size:256KB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/v2/") || isLoggedIn(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      // written here: an error dispatch would pass the UI's chain and end as a login redirect
      response.setHeader("Connection", "close");
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Request body too large");
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static boolean isLoggedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object context =
        session == null
            ? null
            : session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    Authentication authentication =
        context instanceof SecurityContext security ? security.getAuthentication() : null;
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream delegate = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = delegate.read();
                count(b < 0 ? 0 : 1);
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = delegate.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new IOException("Request body beyond " + limit + " bytes");
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
            };
      }
      return stream;
    }
  }
}
