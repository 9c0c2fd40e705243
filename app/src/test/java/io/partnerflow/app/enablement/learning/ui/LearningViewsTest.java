package io.partnerflow.app.enablement.learning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.enablement.learning.LearningFixtures;
import io.partnerflow.app.enablement.learning.LearningFixtures.QuestionSpec;
import io.partnerflow.app.enablement.learning.LearningFixtures.QuizRows;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The portal's learning pages in both languages, browserless on the real services: the course list,
 * modules in order, and a quiz whose page holds no correct answer until it is submitted.
 */
@PartnerflowTest
class LearningViewsTest {

  @Autowired ApplicationContext context;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;

  private LearningFixtures fixtures;
  private String learner;
  private long enrolment;
  private QuizRows quiz;

  @BeforeEach
  void aLearnerOnACourse() {
    fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    long partnerId = fixtures.partner();
    learner = fixtures.partnerUser(partnerId);
    quiz =
        fixtures.quiz(
            "COURSE",
            100,
            3,
            0,
            null,
            true,
            List.of(QuestionSpec.single(3, 1), QuestionSpec.multiple(true, false, true)));
    long version = fixtures.publishedCourse(LearningFixtures.code("views"), quiz.quizId(), 2);
    enrolment = fixtures.enrol(fixtures.userId(learner), partnerId, version, 0);
    KaribuSupport.setUp(context);
    KaribuSupport.login(context, learner);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldListMyCoursesWithProgress() {
    // when
    UI.getCurrent().navigate("portal/learning");

    // then
    assertThat(
            _get(
                    com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("learning-course-" + enrolment))
                .getElement()
                .getTextRecursively())
        .contains("Course views-")
        .contains("Not started")
        .contains("0 of 2 modules done");

    // and in Chinese
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    UI.getCurrent().navigate("portal/learning/" + enrolment);
    UI.getCurrent().navigate("portal/learning");
    assertThat(
            _get(
                    com.vaadin.flow.component.html.Div.class,
                    spec -> spec.withId("learning-course-" + enrolment))
                .getElement()
                .getTextRecursively())
        .contains("课程 views-")
        .contains("未开始")
        .contains("已完成 0/2 个模块");
  }

  @Test
  void shouldOpenModulesInOrderAndKeepTheAnswersOffThePageUntilSubmitted() {
    // given
    UI.getCurrent().navigate("portal/learning/" + enrolment);
    assertThat(_get(H2.class, spec -> spec.withId("course-title")).getText())
        .startsWith("Course views-");
    assertThat(_find(Button.class, spec -> spec.withId("module-done-2"))).isEmpty();
    assertThat(_find(Button.class, spec -> spec.withId("quiz-start"))).isEmpty();
    // the open module's Markdown as safe HTML; the locked one's text is not on the page
    assertThat(_find(Html.class))
        .singleElement()
        .satisfies(
            body -> assertThat(body.getInnerHtml()).contains("Read <strong>this</strong> first"));

    // when: both modules done, the quiz started
    _click(_get(Button.class, spec -> spec.withId("module-done-1")));
    _click(_get(Button.class, spec -> spec.withId("module-done-2")));
    _click(_get(Button.class, spec -> spec.withId("quiz-start")));

    // then: the questions are there, and nothing on the page or in its components' state tells
    // which option is correct
    List<RadioButtonGroup> radios = _find(RadioButtonGroup.class);
    List<CheckboxGroup> checkboxes = _find(CheckboxGroup.class);
    assertThat(radios).hasSize(1);
    assertThat(checkboxes).hasSize(1);
    assertThat(itemsOf(radios.get(0)))
        .allSatisfy(item -> assertThat(item).isInstanceOf(AttemptSheet.Option.class));
    assertThat(AttemptSheet.Option.class.getRecordComponents())
        .extracting(component -> component.getName())
        .doesNotContain("correct");
    String page = dump(_get(CourseView.class).getElement());
    assertThat(page).doesNotContainIgnoringCase("correct").doesNotContain("✓");

    // when: the single-choice answer right, the multiple-choice answer incomplete
    long single = quiz.questionIds().get(0);
    long multiple = quiz.questionIds().get(1);
    RadioButtonGroup<AttemptSheet.Option> radio = radios.get(0);
    radio.setValue(
        itemsOf(radio).stream()
            .filter(option -> quiz.correct().get(single).contains(option.id()))
            .findFirst()
            .orElseThrow());
    CheckboxGroup<AttemptSheet.Option> boxes = checkboxes.get(0);
    boxes.setValue(
        Set.of(
            itemsOf(boxes).stream()
                .filter(option -> quiz.correct().get(multiple).contains(option.id()))
                .findFirst()
                .orElseThrow()));
    _click(_get(Button.class, spec -> spec.withId("quiz-submit")));

    // then: the result, and now the correct answers (this quiz shows them)
    assertThat(_get(Paragraph.class, spec -> spec.withId("quiz-score")).getText())
        .isEqualTo("Not passed: 50 %.");
    assertThat(_get(Paragraph.class, spec -> spec.withId("quiz-next")).getText())
        .isEqualTo("2 attempts left.");
    assertThat(countClass(_get(CourseView.class).getElement(), "quiz-correct")).isEqualTo(3);
    assertThat(_find(Button.class, spec -> spec.withId("quiz-again"))).hasSize(1);
  }

  @Test
  void shouldShowTheCoursePageInChinese() {
    // given
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

    // when
    UI.getCurrent().navigate("portal/learning/" + enrolment);

    // then
    assertThat(_get(H2.class, spec -> spec.withId("course-title")).getText())
        .startsWith("课程 views-");
    String page = textOf(_get(CourseView.class).getElement());
    assertThat(page).contains("模块 1").contains("标记为已完成").contains("完成模块 1 后开放");
    assertThat(_get(Html.class).getInnerHtml()).contains("请先<strong>阅读</strong>");
  }

  @Test
  void shouldNotOpenAnotherPersonsCourse() {
    // given: a colleague of the same organisation
    String colleague =
        fixtures.partnerUser(
            jdbc.sql("SELECT partner_id FROM app.enrolment WHERE id = :id")
                .param("id", enrolment)
                .query(Long.class)
                .single());
    KaribuSupport.login(context, colleague);

    // when
    UI.getCurrent().navigate("portal/learning/" + enrolment);

    // then
    assertThat(_find(LearningView.class)).hasSize(1);
    assertThat(_find(H2.class, spec -> spec.withId("course-title"))).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> itemsOf(com.vaadin.flow.data.provider.HasListDataView<T, ?> group) {
    return group.getListDataView().getItems().toList();
  }

  private static String textOf(Element element) {
    return element.getTextRecursively();
  }

  /** Every text, attribute, property and class of the element tree. */
  private static String dump(Element element) {
    StringBuilder out = new StringBuilder();
    List<Element> todo = new ArrayList<>(List.of(element));
    while (!todo.isEmpty()) {
      Element next = todo.remove(0);
      out.append(next.getTag()).append(' ').append(next.getText()).append(' ');
      next.getAttributeNames()
          .forEach(
              name -> out.append(name).append('=').append(next.getAttribute(name)).append(' '));
      next.getPropertyNames()
          .forEach(
              name -> out.append(name).append('=').append(next.getPropertyRaw(name)).append(' '));
      next.getClassList().forEach(name -> out.append("class=").append(name).append(' '));
      next.getChildren().forEach(todo::add);
    }
    return out.toString();
  }

  private static long countClass(Element element, String className) {
    long count = element.getClassList().contains(className) ? 1 : 0;
    return count + element.getChildren().mapToLong(child -> countClass(child, className)).sum();
  }
}
