package io.partnerflow.app.security.badinput;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.dom.Element;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.notification.ui.OutboxView;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTicketException;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.InvalidApplicationException;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PasswordPolicyException;
import io.partnerflow.app.security.ui.SetPasswordView;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.ui.TaskView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hostile and broken input: each case gets a clear error and leaves nothing stored or executed. */
@PartnerflowTest
class BadInputTest {

  private static final String XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>";

  @Autowired ApplicationContext context;
  @Autowired Environment environment;
  @Autowired CamundaClient client;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired InvitationService invitations;
  @Autowired ModelDeploymentService deployments;
  @Autowired JdbcClient jdbc;
  @Autowired io.partnerflow.app.partner.PartnerService partners;

  @Value("${local.server.port}")
  int port;

  // ---- /v2 JSON --------------------------------------------------------------------------

  @Test
  void shouldAnswerMalformedJsonTo2With400AndCreateNothing() throws Exception {
    String processId = "bad-input-" + UUID.randomUUID();
    for (String body :
        List.of(
            "{\"processDefinitionId\":\"" + processId + "\"",
            "{\"processDefinitionId\":\"" + processId + "\",\"variables\":[1,2]}",
            "not json at all",
            "{\"processDefinitionId\":\""
                + processId
                + "\",\"variables\":{\"a\":"
                + "[".repeat(5000))) {
      HttpResponse<String> response = v2("POST", "/v2/process-instances", body);
      assertThat(response.statusCode())
          .as(body.substring(0, Math.min(20, body.length())))
          .isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldAnswerAnOversizedJsonBodyWith413() throws Exception {
    String processId = "bad-input-" + UUID.randomUUID();
    String huge =
        "{\"processDefinitionId\":\""
            + processId
            + "\",\"variables\":{\"blob\":\""
            + "x".repeat(5 * 1024 * 1024)
            + "\"}}";

    for (String path :
        List.of("/v2/process-instances", "/v2/messages/publication", "/v2/variables/search")) {
      HttpResponse<String> response = v2("POST", path, huge);
      assertThat(response.statusCode()).as(path).isEqualTo(413);
      assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }
    assertThat(instancesOf(processId)).isZero();
  }

  // ---- hostile BPMN ------------------------------------------------------------------------

  @Test
  void shouldRefuseADoctypeWithAnExternalEntityAndDeployNothing() throws Exception {
    String processId = "xxe-" + UUID.randomUUID().toString().substring(0, 8);
    String bpmn =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + process(processId, "&xxe;");

    HttpResponse<String> response =
        deploy(processId + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("DOCTYPE").doesNotContain("root:");
    assertThat(definitionsOf(processId)).isZero();
  }

  @Test
  void shouldRefuseABillionLaughsAndDeployNothing() throws Exception {
    String processId = "laughs-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      entities.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
    }
    String bpmn =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions ["
            + entities
            + "]>\n"
            + process(processId, "&lol9;");

    Instant started = Instant.now();
    HttpResponse<String> response =
        deploy(processId + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(definitionsOf(processId)).isZero();
  }

  @Test
  void shouldRefuseA50MegabyteResourceWith413AndDeployNothing() throws Exception {
    String processId = "huge-" + UUID.randomUUID().toString().substring(0, 8);
    String padding = "<!-- " + "x".repeat(50 * 1024 * 1024) + " -->";
    byte[] bpmn = (process(processId, "huge") + padding).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = deploy(processId + ".bpmn", bpmn);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    assertThat(definitionsOf(processId)).isZero();
  }

  // ---- the apply form ----------------------------------------------------------------------

  @Test
  void shouldRefuseTamperedSubmissionsAndStoreNothing() {
    // given: a model whose start form is the real one
    String company = "Tampered " + UUID.randomUUID();
    Map<String, Object> values = RecruitmentTestModel.validValues(company);
    String good = tickets.issue(Instant.now().minusSeconds(60));
    String signature = good.substring(good.indexOf('.'));
    String backdated =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    java.nio.ByteBuffer.allocate(8)
                        .putLong(Instant.now().minusSeconds(3600).toEpochMilli())
                        .array())
            + signature;

    // then: no ticket, a forged one, a re-signed time, one "from the future" (too fast)
    for (String ticket : new String[] {null, "", "abc.def", backdated}) {
      assertThatThrownBy(() -> applications.submit(submission(values, ticket)))
          .isInstanceOfSatisfying(
              FormTicketException.class,
              e -> assertThat(e.reason()).isEqualTo(FormTicketException.Reason.INVALID));
    }
    assertThatThrownBy(
            () ->
                applications.submit(
                    submission(values, tickets.issue(Instant.now().plusSeconds(60)))))
        .isInstanceOfSatisfying(
            FormTicketException.class,
            e -> assertThat(e.reason()).isEqualTo(FormTicketException.Reason.TOO_FAST));
    // values the form cannot produce: wrong types, unknown fields, an oversize field
    for (Map<String, Object> tampered :
        List.of(
            with(values, "companyName", Map.of("$ne", "")),
            with(values, "employees", "DROP TABLE"),
            with(values, "isAdmin", true),
            with(values, "contactName", "x".repeat(30_000)))) {
      assertThatThrownBy(() -> applications.submit(submission(tampered, good)))
          .isInstanceOf(InvalidApplicationException.class);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.application WHERE company_name = :c")
                .param("c", company)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void shouldShowXssPayloadsOfEveryFreeTextFieldAsTextOnTheStaffScreens() throws Exception {
    // given: the real model, and an application with a payload in every free-text field the
    // form's validation lets through (the website and e-mail patterns refuse markup outright)
    deployments.deploy(deployments.configuredModels());
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = new HashMap<>(RecruitmentTestModel.validValues("X " + marker));
    values.put("companyName", XSS + " company " + marker);
    values.put("contactName", XSS + " contact " + marker);
    values.put("website", "https://x.example/" + marker + "?q=\"><script>alert(3)</script>");
    assertThatThrownBy(
            () ->
                applications.submit(
                    submission(with(values, "contactEmail", XSS + "@x.org"), tickets.issue())))
        .isInstanceOf(InvalidApplicationException.class);
    assertThatThrownBy(
            () ->
                applications.submit(
                    submission(with(values, "website", "javascript:alert(1)"), tickets.issue())))
        .isInstanceOf(InvalidApplicationException.class);
    applications.submit(submission(values, tickets.issue()));
    long instance = instanceOfApplication(XSS + " company " + marker);
    UserTask review = await(() -> reviewTask(instance));

    // when: staff open the review task and the outbox
    KaribuSupport.setUp(context);
    try {
      KaribuSupport.login(context, "manager");
      UI.getCurrent().navigate("tasks/" + review.getUserTaskKey());
      Component task = _get(TaskView.class);
      // then: the payload is there as text, and no element carries it as markup or in an attribute
      assertThat(task.getElement().getTextRecursively()).contains(XSS + " company " + marker);
      assertNoMarkup(task.getElement());

      KaribuSupport.login(context, "admin");
      UI.getCurrent().navigate(OutboxView.class);
      assertNoMarkup(_get(OutboxView.class).getElement());
    } finally {
      KaribuSupport.tearDown();
    }
  }

  private static void assertNoMarkup(Element element) {
    String innerHtml = element.getProperty("innerHTML");
    assertThat(innerHtml == null ? "" : innerHtml).doesNotContain("<script").doesNotContain("<img");
    element
        .getAttributeNames()
        .forEach(
            name ->
                assertThat(String.valueOf(element.getAttribute(name)))
                    .as("attribute " + name)
                    .doesNotContain("<script")
                    .doesNotStartWith("javascript:"));
    element.getChildren().forEach(BadInputTest::assertNoMarkup);
  }

  // ---- passwords ---------------------------------------------------------------------------

  @Test
  void shouldRefuseAnOverlongPasswordWithAClearMessageAndKeepTheLinkUsable() {
    // given
    String token = invitationToken();

    // then: the service says why, the link still works afterwards
    assertThatThrownBy(() -> invitations.setPassword(token, "密".repeat(25)))
        .isInstanceOf(PasswordPolicyException.class)
        .hasMessageContaining("72 bytes");

    // and the form shows the message instead of failing
    KaribuSupport.setUp(context);
    try {
      UI.getCurrent().navigate("invitation/" + token);
      PasswordField password = _get(PasswordField.class, spec -> spec.withId("new-password"));
      PasswordField repeat = _get(PasswordField.class, spec -> spec.withId("repeat-password"));
      password.setValue("a".repeat(73));
      repeat.setValue("a".repeat(73));
      _get(Button.class, spec -> spec.withId("save-password")).click();
      assertThat(password.isInvalid()).isTrue();
      assertThat(password.getErrorMessage())
          .isEqualTo(UI.getCurrent().getTranslation("invitation.maximum", 72));
      _get(SetPasswordView.class);
    } finally {
      KaribuSupport.tearDown();
    }
    assertThat(invitations.setPassword(token, "a fine password of 24 c")).isTrue();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String invitationToken() {
    io.partnerflow.app.partner.PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    long partnerId;
    try {
      partnerId =
          partners.create(
              io.partnerflow.app.partner.PartnerTestData.newPartner(
                  "Password partner " + UUID.randomUUID(),
                  io.partnerflow.app.partner.PartnerType.RESELLER,
                  io.partnerflow.app.partner.PartnerTier.SILVER));
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
    // the link as the invitation e-mail would carry it (issued at sending)
    long userId =
        invitations
            .invitePartnerUser("pw-" + UUID.randomUUID() + "@partner.example", "Pat", partnerId)
            .userId();
    return invitations.issueLink(userId).token();
  }

  private ApplicationSubmission submission(Map<String, Object> values, String ticket) {
    return new ApplicationSubmission(
        values, null, "203.0.113." + (int) (Math.random() * 250), Locale.ENGLISH, ticket);
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(key, value);
    return copy;
  }

  private long instanceOfApplication(String company) throws Exception {
    return await(
        () ->
            jdbc.sql(
                    "SELECT process_instance_key FROM app.application WHERE company_name = :c"
                        + " AND process_instance_key IS NOT NULL")
                .param("c", company)
                .query(Long.class)
                .optional());
  }

  private Optional<UserTask> reviewTask(long instance) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            f ->
                f.processInstanceKey(instance)
                    .elementId("review-application")
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items()
        .stream()
        .findFirst();
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out");
  }

  private static String process(String processId, String name) {
    return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " targetNamespace=\"http://partnerflow.io/test\" id=\"d-"
        + processId
        + "\">"
        + "<process id=\""
        + processId
        + "\" name=\""
        + name
        + "\" isExecutable=\"true\">"
        + "<startEvent id=\"start\"/><endEvent id=\"end\"/>"
        + "<sequenceFlow id=\"f\" sourceRef=\"start\" targetRef=\"end\"/></process></definitions>";
  }

  private long instancesOf(String processId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items()
        .size();
  }

  private long definitionsOf(String processId) {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items()
        .size();
  }

  private String credential() {
    // the credential the platform's own client was configured with, whatever it is here
    String user = environment.getProperty("camunda.client.auth.username");
    String password = environment.getProperty("camunda.client.auth.password");
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> v2(String method, String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", credential())
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> deploy(String fileName, byte[] content) throws Exception {
    String boundary = "----bad-input-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/deployments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", credential())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
