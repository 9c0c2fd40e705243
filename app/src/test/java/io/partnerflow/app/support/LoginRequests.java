package io.partnerflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Logins over real HTTP against the running platform, for the tests of the login throttle and the
 * login audit: the form login (redirects not followed, so the target tells success from failure)
 * and requests with an HTTP Basic header.
 */
public final class LoginRequests {

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public LoginRequests(int port) {
    this.port = port;
  }

  /**
   * Posts the login form; returns where the platform redirects to ({@code /login?error} or not).
   */
  public String formLogin(String username, String password)
      throws IOException, InterruptedException {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** A GET with that Authorization header. */
  public HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The HTTP Basic header value for the credential. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every HTTP test comes from the loopback address, and failed logins count against it: forget
   * them so the address stays unblocked for the other tests.
   */
  public static void forgetTheLoopbackAddress(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = 'ADDRESS'").update();
  }
}
