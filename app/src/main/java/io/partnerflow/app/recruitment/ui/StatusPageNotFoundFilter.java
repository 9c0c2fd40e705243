package io.partnerflow.app.recruitment.ui;

import io.partnerflow.app.recruitment.application.ApplicationService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a page load of {@code /apply/status/<token>} with an unknown or malformed token the HTTP
 * status 404. The page itself stays Vaadin's: {@link ApplicationStatusView} shows the not-found
 * view for the same token, so the visitor sees one "not found" either way.
 */
@Configuration(proxyBeanMethods = false)
class StatusPageNotFoundFilter {

  private static final Pattern STATUS_PAGE = Pattern.compile("^/apply/status/([^/]*)/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> statusPageNotFound(ApplicationService applications) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new NotFoundStatus(applications));
    registration.addUrlPatterns("/apply/status/*");
    registration.setName("statusPageNotFound");
    return registration;
  }

  static final class NotFoundStatus extends OncePerRequestFilter {

    private final ApplicationService applications;

    NotFoundStatus(ApplicationService applications) {
      this.applications = applications;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher page = STATUS_PAGE.matcher(request.getRequestURI().substring(contextLength(request)));
      if ("GET".equals(request.getMethod())
          && page.matches()
          && applications.findByToken(page.group(1)).isEmpty()) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new KeepStatus(response));
        return;
      }
      chain.doFilter(request, response);
    }

    private static int contextLength(HttpServletRequest request) {
      return request.getContextPath() == null ? 0 : request.getContextPath().length();
    }
  }

  /** Lets Vaadin write its page, but not turn the 404 back into 200. */
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
