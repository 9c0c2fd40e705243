package io.partnerflow.app.security.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.contract.ContractDocuments;
import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.enablement.learning.LearningFixtures;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.partner.ui.PartnerView;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may open what: every Vaadin route (read from Vaadin's route configuration, so a new route
 * without a row here fails) and every HTTP endpoint of the app (the actuator's endpoints and every
 * Spring MVC mapping, read from the running context) against eight personas, checked on data —
 * partner A and partner B each on the other's page, the applicant with and without their token.
 */
@PartnerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  enum Persona {
    ANONYMOUS,
    APPLICANT,
    PARTNER_A,
    PARTNER_B,
    MANAGER,
    LEGAL,
    ENABLEMENT,
    ADMIN
  }

  private static final String PARTNER_PASSWORD = "partner password 1";
  private static final Set<Persona> EVERYBODY = EnumSet.allOf(Persona.class);
  private static final Set<Persona> LOGGED_IN =
      EnumSet.of(
          Persona.PARTNER_A,
          Persona.PARTNER_B,
          Persona.MANAGER,
          Persona.LEGAL,
          Persona.ENABLEMENT,
          Persona.ADMIN);
  private static final Set<Persona> STAFF =
      EnumSet.of(Persona.MANAGER, Persona.LEGAL, Persona.ENABLEMENT, Persona.ADMIN);

  /** One row per route template; a cell says which personas get the route's own view. */
  private record Row(String template, Function<Persona, String> path, Set<Persona> allowed) {}

  @Autowired ApplicationContext context;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired PathMappedEndpoints actuator;
  @Autowired ContractDocuments documents;
  @Autowired CertificationService certification;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mvc;

  @Value("${local.server.port}")
  int port;

  private long partnerA;
  private long partnerB;
  private final Map<Persona, String> usernames = new LinkedHashMap<>();
  private String applicantToken;
  private long managersTask;
  private long monitoredInstance;
  private long partnerATask;
  private long contractOfA;
  private long enrolmentOfA;
  private long certificateOfA;
  private String certificateCodeOfA;
  private long fileOfA;

  @BeforeAll
  void data() throws Exception {
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    try {
      partnerA = partners.create(partner("Matrix A"));
      partnerB = partners.create(partner("Matrix B"));
    } finally {
      SecurityContextHolder.clearContext();
    }
    usernames.put(
        Persona.PARTNER_A, PartnerTestData.partnerUser(users, jdbc, partnerA, PARTNER_PASSWORD));
    usernames.put(
        Persona.PARTNER_B, PartnerTestData.partnerUser(users, jdbc, partnerB, PARTNER_PASSWORD));
    usernames.put(Persona.MANAGER, "manager");
    usernames.put(Persona.LEGAL, "legal");
    usernames.put(Persona.ENABLEMENT, "enablement");
    usernames.put(Persona.ADMIN, "admin");
    String statusPath =
        applications
            .submit(
                new ApplicationSubmission(
                    RecruitmentTestModel.validValues(PartnerTestData.unique("Matrix applicant")),
                    null,
                    "198.51.100.77",
                    Locale.ENGLISH,
                    tickets.issue()))
            .statusPath();
    applicantToken = statusPath.substring(statusPath.lastIndexOf('/') + 1);
    managersTask = reviewTaskForPartnerManagers();
    monitoredInstance =
        client.newUserTaskGetRequest(managersTask).send().join().getProcessInstanceKey();
    partnerATask = taskForGroup(PartnerGroups.signatories(partnerA));
    // their agreements are signed: the gate is open and the matrix shows what their roles allow
    // (the gate itself: SigningScreensTest)
    PartnerTestData.agreementInForce(jdbc, partnerA);
    PartnerTestData.agreementInForce(jdbc, partnerB);
    contractOfA =
        SystemIdentity.call(
                () ->
                    documents.render(
                        new ContractDraft(
                            partnerA,
                            System.nanoTime() % 1_000_000,
                            "resale-agreement",
                            "en",
                            12,
                            LocalDate.of(2027, 1, 1))))
            .id();
    learningOfA();
    certificateOfA();
  }

  /** A certificate of partner A's user (their main contact). */
  private void certificateOfA() {
    long certificationId =
        jdbc.sql(
                "INSERT INTO app.certification (code, name_en, name_zh, validity_months, active)"
                    + " VALUES (:code, 'Matrix certification', '矩阵认证', 12, true) RETURNING id")
            .param("code", "matrix-" + UUID.randomUUID().toString().substring(0, 8))
            .query(Long.class)
            .single();
    long userOfA =
        jdbc.sql("SELECT id FROM app.app_user WHERE username = :username")
            .param("username", usernames.get(Persona.PARTNER_A))
            .query(Long.class)
            .single();
    Certificate ofA = SystemIdentity.call(() -> certification.issue(certificationId, userOfA));
    certificateOfA = ofA.id();
    certificateCodeOfA = ofA.verificationCode();
  }

  /** Partner A's user enrolled on a course whose first module has a file. */
  private void learningOfA() {
    LearningFixtures learning =
        new LearningFixtures(partners, users, context.getBean(UserDetailsService.class), jdbc);
    long quiz = learning.simpleQuiz(1, 50, 1, 0).quizId();
    long version = learning.publishedCourse(LearningFixtures.code("matrix"), quiz, 1);
    long userOfA = learning.userId(usernames.get(Persona.PARTNER_A));
    enrolmentOfA = learning.enrol(userOfA, partnerA, version, 0);
    fileOfA =
        learning.file(
            learning.moduleIds(version).get(0),
            "matrix.txt",
            "A's course file".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  void forgetFailedLogins() {
    // the /v2 cells send wrong credentials from the loopback address: unblock it for other tests
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = 'ADDRESS'").update();
  }

  private List<Row> routeRows() {
    return List.of(
        new Row("", p -> "", LOGGED_IN),
        new Row("login", p -> "login", EVERYBODY),
        new Row("apply", p -> "apply", EVERYBODY),
        // the status page is a bearer link: only who holds the applicant's token gets it
        new Row(
            "apply/status/:token",
            p -> "apply/status/" + (p == Persona.APPLICANT ? applicantToken : otherToken()),
            EnumSet.of(Persona.APPLICANT)),
        // the password form opens for anybody; the token is checked when it is sent
        new Row("invitation/:token", p -> "invitation/" + otherToken(), EVERYBODY),
        new Row(
            "my-organisation",
            p -> "my-organisation",
            EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        new Row("partners", p -> "partners", STAFF),
        new Row(
            "partners/:id([0-9]{1,18})",
            p -> "partners/" + partnerA,
            plus(STAFF, Persona.PARTNER_A)),
        new Row("tasks", p -> "tasks", STAFF),
        new Row("settings/notices", p -> "settings/notices", STAFF),
        // a review task of the group partner-managers: its members only, not every staff role
        new Row("tasks/:key", p -> "tasks/" + managersTask, EnumSet.of(Persona.MANAGER)),
        new Row("portal", p -> "portal", EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        new Row(
            "portal/tasks", p -> "portal/tasks", EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        // a task of partner A's signatories: A's users only, neither B nor any staff member
        new Row(
            "portal/tasks/:key",
            p -> "portal/tasks/" + partnerATask,
            EnumSet.of(Persona.PARTNER_A)),
        new Row(
            "portal/colleagues",
            p -> "portal/colleagues",
            EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        new Row("admin/users", p -> "admin/users", EnumSet.of(Persona.ADMIN)),
        new Row("admin/outbox", p -> "admin/outbox", EnumSet.of(Persona.ADMIN)),
        // the operations console: administrators only
        new Row("operations/processes", p -> "operations/processes", EnumSet.of(Persona.ADMIN)),
        new Row("operations/instances", p -> "operations/instances", EnumSet.of(Persona.ADMIN)),
        new Row(
            "operations/instances/:key([0-9]{1,19})",
            p -> "operations/instances/" + monitoredInstance,
            EnumSet.of(Persona.ADMIN)),
        new Row("operations/incidents", p -> "operations/incidents", EnumSet.of(Persona.ADMIN)),
        new Row("operations/audit", p -> "operations/audit", EnumSet.of(Persona.ADMIN)),
        new Row("admin/models", p -> "admin/models", EnumSet.of(Persona.ADMIN)),
        new Row(
            "admin/models/:kind/:id",
            p -> "admin/models/process/partner-recruitment",
            EnumSet.of(Persona.ADMIN)),
        new Row("contracts/verify", p -> "contracts/verify", LOGGED_IN),
        // the channel dashboard: administrators and team leads (the demo "manager" is no lead)
        new Row("dashboard/channel", p -> "dashboard/channel", EnumSet.of(Persona.ADMIN)),
        new Row(
            "portal/learning",
            p -> "portal/learning",
            EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        // the partner's own joint business plan (the service shows each only its organisation's)
        new Row(
            "portal/plan", p -> "portal/plan", EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        // partner A's enrolment: only its learner; anybody else is sent back to their own courses
        new Row(
            "portal/learning/:id([0-9]{1,18})",
            p -> "portal/learning/" + enrolmentOfA,
            EnumSet.of(Persona.PARTNER_A)),
        // the public verification of a certificate: anybody, with or without a known code
        new Row("verify/:code", p -> "verify/" + certificateCodeOfA, EVERYBODY),
        new Row(
            "portal/certifications",
            p -> "portal/certifications",
            EnumSet.of(Persona.PARTNER_A, Persona.PARTNER_B)),
        // the training catalogue: the enablement team and administrators only
        new Row(
            "enablement/catalogue",
            p -> "enablement/catalogue",
            EnumSet.of(Persona.ENABLEMENT, Persona.ADMIN)),
        new Row(
            "enablement/catalogue/course/:code([a-z0-9][a-z0-9-]{0,59})",
            p -> "enablement/catalogue/course/sales-fundamentals",
            EnumSet.of(Persona.ENABLEMENT, Persona.ADMIN)),
        new Row(
            "enablement/catalogue/certification/:code([a-z0-9][a-z0-9-]{0,59})",
            p -> "enablement/catalogue/certification/certified-sales-professional",
            EnumSet.of(Persona.ENABLEMENT, Persona.ADMIN)));
  }

  @Test
  void shouldHaveARowForEveryRouteOfTheApplication() {
    // given: the routes as Vaadin registered them
    KaribuSupport.setUp(context);
    Set<String> registered;
    try {
      registered =
          RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
              .map(RouteData::getTemplate)
              .collect(Collectors.toCollection(TreeSet::new));
    } finally {
      KaribuSupport.tearDown();
    }

    // then: a new route fails here until the matrix says who may open it
    assertThat(registered)
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(routeRows().stream().map(Row::template).toList());
  }

  @TestFactory
  Stream<DynamicTest> routes() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Row row : routeRows()) {
      for (Persona persona : Persona.values()) {
        boolean expected = row.allowed().contains(persona);
        cells.add(
            DynamicTest.dynamicTest(
                "/" + row.template() + " x " + persona + " -> " + (expected ? "allowed" : "denied"),
                () -> assertOpens(persona, row, expected)));
      }
    }
    // on data: partner B gets their own page, not partner A's (the row above is A's page)
    for (Persona persona : Persona.values()) {
      boolean expected = STAFF.contains(persona) || persona == Persona.PARTNER_B;
      Row partnerBPage = new Row("partners/:id", p -> "partners/" + partnerB, Set.of());
      cells.add(
          DynamicTest.dynamicTest(
              "/partners/{B} x " + persona + " -> " + (expected ? "allowed" : "denied"),
              () -> assertOpens(persona, partnerBPage, expected)));
    }
    return cells.stream();
  }

  private void assertOpens(Persona persona, Row row, boolean expected) {
    StringBuilder seen = new StringBuilder();
    boolean opened = opens(persona, row, seen);
    assertThat(opened)
        .as("/%s as %s: %s", row.path().apply(persona), persona, seen)
        .isEqualTo(expected);
  }

  /** Whether the persona ends on the route's own view (not the login, an error or another view). */
  private boolean opens(Persona persona, Row row, StringBuilder seen) {
    KaribuSupport.setUp(context);
    try {
      if (usernames.containsKey(persona)) {
        KaribuSupport.login(context, usernames.get(persona));
      }
      try {
        UI.getCurrent().navigate(row.path().apply(persona));
      } catch (RuntimeException refused) {
        seen.append("refused: ").append(refused); // Karibu's not-found view throws
        return false;
      }
      List<HasElement> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
      if (chain.isEmpty()) {
        return false;
      }
      HasElement shown = chain.get(0);
      Class<?> target = targetOf(row.template());
      seen.append("shown ").append(shown.getClass().getSimpleName());
      // (views are Spring proxies); "my-organisation" forwards to the partner's own page
      return target.isInstance(shown)
          || row.template().equals("my-organisation") && shown instanceof PartnerView;
    } finally {
      KaribuSupport.tearDown();
    }
  }

  private static Class<?> targetOf(String template) {
    String wanted = template.equals("partners/:id") ? "partners/:id([0-9]{1,18})" : template;
    return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
        .filter(route -> route.getTemplate().equals(wanted))
        .map(RouteData::getNavigationTarget)
        .findFirst()
        .orElseThrow();
  }

  // ---- HTTP endpoints ----------------------------------------------------------------------

  /**
   * Spring MVC mappings besides the engine's /v2: none serves data to any persona (Boot's error
   * page; Vaadin's endpoint dispatcher, with no endpoint in this app).
   */
  private static final Set<String> NO_DATA_MAPPINGS =
      Set.of("/error", "/connect/{endpoint}/{method}");

  /** Spring MVC mappings that serve data, each with its cells below. */
  private static final Set<String> DATA_MAPPINGS =
      Set.of(
          "/contracts/documents/{id}",
          "/learning/files/{enrolmentId}/{fileId}",
          "/certificates/{id}");

  @Test
  void shouldHaveARuleForEveryHttpEndpoint() {
    // every Spring MVC mapping is the engine's /v2 or has a rule below
    Set<String> mappings =
        new TreeSet<>(
            mvc.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .toList());
    assertThat(mappings)
        .isNotEmpty()
        .allSatisfy(
            pattern ->
                assertThat(
                        pattern.startsWith("/v2/")
                            || NO_DATA_MAPPINGS.contains(pattern)
                            || DATA_MAPPINGS.contains(pattern))
                    .as("a mapping without a rule: " + pattern)
                    .isTrue());
    // the actuator endpoints exposed on the web: each has a row below
    assertThat(actuator.getAllPaths().stream().map(path -> path.replaceFirst("^/actuator", "")))
        .containsExactlyInAnyOrderElementsOf(actuatorRows().keySet());
  }

  private static Map<String, Set<Persona>> actuatorRows() {
    return Map.of(
        "/health", EVERYBODY,
        "/info", EnumSet.of(Persona.ADMIN),
        "/prometheus", EnumSet.of(Persona.ADMIN));
  }

  @TestFactory
  Stream<DynamicTest> actuatorEndpoints() {
    List<DynamicTest> cells = new ArrayList<>();
    actuatorRows()
        .forEach(
            (path, allowed) -> {
              for (Persona persona : Persona.values()) {
                boolean expected = allowed.contains(persona);
                cells.add(
                    DynamicTest.dynamicTest(
                        "/actuator" + path + " x " + persona,
                        () -> {
                          int status = get("/actuator" + path, basicOf(persona)).statusCode();
                          if (expected) {
                            assertThat(status).isIn(200, 503); // health: 503 when a part is down
                          } else {
                            assertThat(status).isIn(401, 403);
                          }
                        }));
              }
            });
    return cells.stream();
  }

  /** Partner A's contract: staff who read agreements and A's own users; 404 for everybody else. */
  @TestFactory
  Stream<DynamicTest> contractDocuments() {
    MockMvc http =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
            .apply(springSecurity())
            .build();
    Set<Persona> allowed =
        EnumSet.of(Persona.MANAGER, Persona.LEGAL, Persona.ADMIN, Persona.PARTNER_A);
    List<DynamicTest> cells = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      boolean expected = allowed.contains(persona);
      cells.add(
          DynamicTest.dynamicTest(
              "/contracts/documents/{A} x " + persona + (expected ? " -> allowed" : " -> denied"),
              () -> {
                var request = MockMvcRequestBuilders.get("/contracts/documents/" + contractOfA);
                request.with(
                    usernames.containsKey(persona)
                        ? SecurityMockMvcRequestPostProcessors.user(
                            context
                                .getBean(UserDetailsService.class)
                                .loadUserByUsername(usernames.get(persona)))
                        : SecurityMockMvcRequestPostProcessors.anonymous());
                var response = http.perform(request).andReturn().getResponse();
                boolean gotPdf =
                    response.getStatus() == 200
                        && response
                            .getContentAsString(StandardCharsets.ISO_8859_1)
                            .startsWith("%PDF");
                assertThat(gotPdf).as("status %d", response.getStatus()).isEqualTo(expected);
                if (!expected && usernames.containsKey(persona)) {
                  assertThat(response.getStatus()).isEqualTo(404);
                }
              }));
    }
    return cells.stream();
  }

  /** Partner A's course file: its enrolled learner only; 404 for everybody else, staff included. */
  @TestFactory
  Stream<DynamicTest> courseFiles() {
    MockMvc http =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
            .apply(springSecurity())
            .build();
    List<DynamicTest> cells = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      boolean expected = persona == Persona.PARTNER_A;
      String path = "/learning/files/" + enrolmentOfA + "/" + fileOfA;
      cells.add(
          DynamicTest.dynamicTest(
              "/learning/files/{A}/{file} x " + persona + (expected ? " -> allowed" : " -> denied"),
              () -> {
                var request = MockMvcRequestBuilders.get(path);
                request.with(
                    usernames.containsKey(persona)
                        ? SecurityMockMvcRequestPostProcessors.user(
                            context
                                .getBean(UserDetailsService.class)
                                .loadUserByUsername(usernames.get(persona)))
                        : SecurityMockMvcRequestPostProcessors.anonymous());
                var response = http.perform(request).andReturn().getResponse();
                boolean gotFile =
                    response.getStatus() == 200
                        && response
                            .getContentAsString(StandardCharsets.UTF_8)
                            .equals("A's course file");
                assertThat(gotFile).as("status %d", response.getStatus()).isEqualTo(expected);
                if (!expected && usernames.containsKey(persona)) {
                  assertThat(response.getStatus()).isEqualTo(404);
                }
              }));
    }
    return cells.stream();
  }

  /** A certificate of partner A's user: A's user (holder) and staff; 404 for everybody else. */
  @TestFactory
  Stream<DynamicTest> certificateDownloads() {
    MockMvc http =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
            .apply(springSecurity())
            .build();
    Set<Persona> allowed = plus(STAFF, Persona.PARTNER_A);
    List<DynamicTest> cells = new ArrayList<>();
    for (Persona persona : Persona.values()) {
      boolean expected = allowed.contains(persona);
      cells.add(
          DynamicTest.dynamicTest(
              "/certificates/{A} x " + persona + (expected ? " -> allowed" : " -> denied"),
              () -> {
                var request = MockMvcRequestBuilders.get("/certificates/" + certificateOfA);
                request.with(
                    usernames.containsKey(persona)
                        ? SecurityMockMvcRequestPostProcessors.user(
                            context
                                .getBean(UserDetailsService.class)
                                .loadUserByUsername(usernames.get(persona)))
                        : SecurityMockMvcRequestPostProcessors.anonymous());
                var response = http.perform(request).andReturn().getResponse();
                boolean gotPdf =
                    response.getStatus() == 200
                        && response
                            .getContentAsString(StandardCharsets.ISO_8859_1)
                            .startsWith("%PDF");
                assertThat(gotPdf).as("status %d", response.getStatus()).isEqualTo(expected);
                if (!expected && usernames.containsKey(persona)) {
                  assertThat(response.getStatus()).isEqualTo(404);
                }
              }));
    }
    return cells.stream();
  }

  @TestFactory
  Stream<DynamicTest> mappingsWithoutData() {
    List<DynamicTest> cells = new ArrayList<>();
    for (String path : List.of("/error", "/connect/partnerService/findById")) {
      for (Persona persona : Persona.values()) {
        cells.add(
            DynamicTest.dynamicTest(
                path + " x " + persona + " -> no data",
                () -> {
                  assertThat(get(path, basicOf(persona)).statusCode() / 100).isNotEqualTo(2);
                  assertThat(post(path, basicOf(persona)).statusCode() / 100).isNotEqualTo(2);
                }));
      }
    }
    return cells.stream();
  }

  /** /v2 is the engine's: none of the people, only the engine API credential opens it. */
  @TestFactory
  Stream<DynamicTest> engineApi() {
    Set<String> paths =
        mvc.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPatternValues().stream())
            .filter(pattern -> pattern.startsWith("/v2/"))
            .map(pattern -> pattern.replaceAll("\\{[^}]+}", "1"))
            .collect(Collectors.toCollection(TreeSet::new));
    paths.addAll(List.of("/v2/process-instances", "/v2/jobs/activation", "/v2/jobs/1/completion"));
    List<DynamicTest> cells = new ArrayList<>();
    for (String path : paths) {
      for (Persona persona : Persona.values()) {
        cells.add(
            DynamicTest.dynamicTest(
                path + " x " + persona + " -> denied",
                () -> {
                  HttpResponse<String> get = get(path, basicOf(persona));
                  HttpResponse<String> post = post(path, basicOf(persona));
                  // 429: the login throttle stopped the guessing address first
                  assertThat(get.statusCode()).isIn(401, 429);
                  assertThat(post.statusCode()).isIn(401, 429);
                }));
      }
    }
    return cells.stream();
  }

  private String basicOf(Persona persona) {
    String username = usernames.get(persona);
    if (username == null) {
      return null;
    }
    String password =
        persona == Persona.PARTNER_A || persona == Persona.PARTNER_B ? PARTNER_PASSWORD : "demo";
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- data ----------------------------------------------------------------------------------

  private static NewPartner partner(String name) {
    return PartnerTestData.newPartner(
        PartnerTestData.unique(name), PartnerType.RESELLER, PartnerTier.SILVER);
  }

  private static Set<Persona> plus(Set<Persona> personas, Persona more) {
    EnumSet<Persona> result = EnumSet.copyOf(personas);
    result.add(more);
    return result;
  }

  /** A token of the right shape that belongs to nobody here. */
  private static String otherToken() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
        .substring(0, 22);
  }

  private long reviewTaskForPartnerManagers() throws InterruptedException {
    return taskForGroup("partner-managers");
  }

  private long taskForGroup(String group) throws InterruptedException {
    String processId = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask(
                    "review",
                    t -> t.name("Matrix review").zeebeUserTask().zeebeCandidateGroups(group))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var found =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.processInstanceKey(instance))
              .send()
              .join()
              .items();
      if (!found.isEmpty()) {
        return found.get(0).getUserTaskKey();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no review task");
  }
}
