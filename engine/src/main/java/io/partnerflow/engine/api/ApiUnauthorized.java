package io.partnerflow.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** The 401 of /v2: a Basic challenge and a problem detail, whoever rejects the request. */
@Component
public class ApiUnauthorized implements AuthenticationEntryPoint {

  public static final String REALM = "partnerflow-engine";

  private final ProblemResponses problems;

  public ApiUnauthorized(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    write(request, response);
  }

  void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    problems.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "UNAUTHORIZED",
        "A valid engine API credential (HTTP Basic) is required");
  }
}
