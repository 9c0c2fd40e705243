package io.partnerflow.app.recruitment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteNotFoundError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.base.ui.LanguageSwitch;
import io.partnerflow.app.base.ui.MainLayout;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationStatus;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import io.partnerflow.app.support.AppRoutes;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The applicant's pages, browserless and anonymous, on the embedded engine. */
@PartnerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicViewsTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired JdbcClient jdbc;

  private RecruitmentTestModel model;

  @BeforeAll
  void deployTestModel() throws Exception {
    model = new RecruitmentTestModel(client);
    model.deploy();
  }

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldLetAnAnonymousVisitorApplyAndShowTheStatusLink() {
    // given
    String company = "Karibu Partner " + UUID.randomUUID();

    // when
    UI.getCurrent().navigate("apply");

    // then: the public frame, no staff menu
    assertThat(chain()).anyMatch(PublicLayout.class::isInstance);
    assertThat(chain()).noneMatch(MainLayout.class::isInstance);
    _assertNone(SideNav.class);
    _assertOne(LanguageSwitch.class);

    // when
    RenderedForm form = _get(RenderedForm.class, spec -> spec.withId("application-form"));
    RecruitmentTestModel.validValues(company).forEach(form::setValue);
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    Anchor link = _get(Anchor.class, spec -> spec.withId("status-link"));
    assertThat(link.getHref()).startsWith("apply/status/");
    assertThat(link.getText()).endsWith(link.getHref());
    String token = link.getHref().substring("apply/status/".length());
    Application stored = applications.statusPage(token).orElseThrow().application();
    assertThat(stored.companyName()).isEqualTo(company);
    assertThat(stored.processInstanceKey()).isNotNull();
  }

  @Test
  void shouldShowTheErrorsOfAnIncompleteApplicationAndStoreNothing() {
    // given
    long before = count();
    UI.getCurrent().navigate("apply");
    RenderedForm form = _get(RenderedForm.class, spec -> spec.withId("application-form"));
    form.setValue("companyName", "Only a name");

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    assertThat(_get(MessageArea.class, spec -> spec.withId("apply-message")).isVisible()).isTrue();
    TextField email = (TextField) form.field("contactEmail").orElseThrow();
    assertThat(email.isInvalid()).isTrue();
    _assertNone(Anchor.class);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldShowABotTheUsualReceiptButStoreNothing() {
    // given
    long before = count();
    UI.getCurrent().navigate("apply");
    RenderedForm form = _get(RenderedForm.class, spec -> spec.withId("application-form"));
    RecruitmentTestModel.validValues("Bot " + UUID.randomUUID()).forEach(form::setValue);
    _get(TextField.class, spec -> spec.withId("apply-homepage")).setValue("http://spam.example");

    // when
    _click(_get(Button.class, spec -> spec.withId("apply-submit")));

    // then
    _assertOne(Anchor.class);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldShowTheStatusHistoryAndTakeTheAnswerToTheInformationRequest() throws Exception {
    // given
    String token = submit("Status Partner " + UUID.randomUUID());
    Application application = applications.statusPage(token).orElseThrow().application();
    long taskKey = model.awaitInformationTask(application.processInstanceKey()).getUserTaskKey();

    // when
    UI.getCurrent().navigate("apply/status/" + token);

    // then
    assertThat(_get(H2.class, spec -> spec.withId("status-company")).getText())
        .isEqualTo(application.companyName());
    assertThat(_get(Span.class, spec -> spec.withId("status-stage")).getText())
        .contains("Submitted");
    assertThat(_get(StatusHistory.class).getChildren().count()).isEqualTo(1);
    assertThat(chain()).noneMatch(MainLayout.class::isInstance);

    // when: the applicant answers the question shown above the form
    RenderedForm form = _get(RenderedForm.class, spec -> spec.withId("information-form"));
    assertThat(((TextArea) form.field("informationRequest").orElseThrow()).getValue())
        .isEqualTo(RecruitmentTestModel.QUESTION);
    form.setValue("additionalInformation", "We employ twelve certified consultants.");
    _click(_get(Button.class, spec -> spec.withId("information-submit")));

    // then
    assertThat(model.stateOf(taskKey)).isEqualTo(UserTaskState.COMPLETED);
    assertThat(applications.find(application.id()).orElseThrow().status())
        .isEqualTo(ApplicationStatus.IN_REVIEW);
    assertThat(_get(Span.class, spec -> spec.withId("status-stage")).getText())
        .contains("In review");
    assertThat(_get(StatusHistory.class).getChildren().count()).isEqualTo(2);
    _assertNone(RenderedForm.class);
  }

  @Test
  void shouldKeepTheTaskOpenWhenTheAnswerIsTooShort() throws Exception {
    // given
    String token = submit("Short Answer " + UUID.randomUUID());
    Application application = applications.statusPage(token).orElseThrow().application();
    long taskKey = model.awaitInformationTask(application.processInstanceKey()).getUserTaskKey();
    UI.getCurrent().navigate("apply/status/" + token);

    // when
    _get(RenderedForm.class, spec -> spec.withId("information-form"))
        .setValue("additionalInformation", "Yes");
    _click(_get(Button.class, spec -> spec.withId("information-submit")));

    // then
    assertThat(_get(MessageArea.class, spec -> spec.withId("status-message")).isVisible()).isTrue();
    assertThat(model.stateOf(taskKey)).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void shouldAnswerAWrongOrMalformedTokenWithNotFound() {
    // given: Vaadin's own not-found view (Karibu's mock one fails the navigation instead)
    KaribuSupport.tearDown();
    Routes routes = AppRoutes.discover();
    routes.getErrorRoutes().remove(MockRouteNotFoundError.class);
    routes.getErrorRoutes().add(RouteNotFoundError.class);
    Function0<UI> uiFactory = UI::new;
    MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));

    for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAA", "nonsense", "x%27%20OR%201=1")) {
      // when
      UI.getCurrent().navigate("apply/status/" + token);

      // then
      assertThat(chain()).as(token).noneMatch(ApplicationStatusView.class::isInstance);
      assertThat(chain().get(0)).as(token).isInstanceOf(RouteNotFoundError.class);
    }
  }

  @Test
  void shouldShowTheStatusPageInChinese() {
    // given
    String token = submit("Chinese Partner " + UUID.randomUUID());
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

    // when
    UI.getCurrent().navigate("apply/status/" + token);

    // then
    assertThat(_get(Span.class, spec -> spec.withId("status-stage")).getText())
        .isEqualTo("当前阶段：已提交");
  }

  private String submit(String company) {
    String path =
        applications
            .submit(
                new ApplicationSubmission(
                    RecruitmentTestModel.validValues(company),
                    null,
                    "203.0.113." + (int) (Math.random() * 250),
                    Locale.ENGLISH,
                    tickets.issue()))
            .statusPath();
    return path.substring("apply/status/".length());
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM app.application").query(Long.class).single();
  }

  private static List<HasElement> chain() {
    return UI.getCurrent().getInternals().getActiveRouterTargetsChain();
  }
}
