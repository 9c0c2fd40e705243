package io.partnerflow.app.enablement.certification.ui;

import io.partnerflow.app.enablement.certification.CertificateVerification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a page load of {@code /verify/<code>} its HTTP status: 429 with Retry-After while the
 * client's address is paused, 404 for a code no certificate has, as the page itself then says.
 * Vaadin navigates in a later request, so the page load alone would always be 200. The filter only
 * reads: the view counts the unknown codes.
 */
@Configuration(proxyBeanMethods = false)
class VerifyPageStatusFilter {

  private static final Pattern VERIFY_PAGE = Pattern.compile("^/verify/([^/]*)/?$");
  private static final int TOO_MANY_REQUESTS = 429;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> verifyPageStatus(
      CertificateVerification verification, Clock clock) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new PageStatus(verification, clock));
    registration.addUrlPatterns("/verify/*");
    registration.setName("verifyPageStatus");
    return registration;
  }

  static final class PageStatus extends OncePerRequestFilter {

    private final CertificateVerification verification;
    private final Clock clock;

    PageStatus(CertificateVerification verification, Clock clock) {
      this.verification = verification;
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(contextLength(request));
      Matcher page = VERIFY_PAGE.matcher(path);
      if (!"GET".equals(request.getMethod()) || !page.matches()) {
        chain.doFilter(request, response);
        return;
      }
      Optional<Instant> paused = verification.pausedUntil(request.getRemoteAddr());
      if (paused.isPresent()) {
        long seconds = Math.max(1, Duration.between(clock.instant(), paused.get()).toSeconds());
        response.setStatus(TOO_MANY_REQUESTS);
        response.setHeader("Retry-After", Long.toString(seconds));
        chain.doFilter(request, new KeepStatus(response));
      } else if (verification.verify(page.group(1)).isEmpty()) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new KeepStatus(response));
      } else {
        chain.doFilter(request, response);
      }
    }

    private static int contextLength(HttpServletRequest request) {
      return request.getContextPath() == null ? 0 : request.getContextPath().length();
    }
  }

  /** Lets Vaadin write its page, but not turn the status back into 200. */
  private static final class KeepStatus extends HttpServletResponseWrapper {

    KeepStatus(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      if (status >= 400) {
        super.setStatus(status);
      }
    }
  }
}
