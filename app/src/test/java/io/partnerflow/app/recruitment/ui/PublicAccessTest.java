package io.partnerflow.app.recruitment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Anonymous visitors over HTTP: the applicant's pages open, the staff's do not. */
@PartnerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicAccessTest {

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void deployTestModel() throws Exception {
    new RecruitmentTestModel(client).deploy();
  }

  @Test
  void shouldServeTheApplicationFormAnonymously() throws Exception {
    assertThat(get("/apply").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeTheStatusPageToTheHolderOfTheLink() throws Exception {
    // given
    String path =
        applications
            .submit(
                new ApplicationSubmission(
                    RecruitmentTestModel.validValues("Http Partner " + UUID.randomUUID()),
                    null,
                    "192.0.2.77",
                    Locale.ENGLISH,
                    tickets.issue()))
            .statusPath();

    // when
    HttpResponse<String> response = get("/" + path);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAAA", "not-a-token"})
  void shouldAnswerAnyOtherTokenWithNotFound(String token) throws Exception {
    // when
    HttpResponse<String> page = get("/apply/status/" + token);

    // then: a 404 (the view shown is Vaadin's not-found view, see PublicViewsTest)
    assertThat(page.statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/tasks",
        "/tasks/1",
        "/partners",
        "/my-organisation",
        "/admin/users",
        "/admin/outbox"
      })
  void shouldKeepAnonymousVisitorsOutOfEveryStaffView(String path) throws Exception {
    // when
    HttpResponse<String> response = get(path);

    // then
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
