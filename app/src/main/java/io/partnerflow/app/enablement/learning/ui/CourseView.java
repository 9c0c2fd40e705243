package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.partnerflow.app.enablement.learning.AttemptResult;
import io.partnerflow.app.enablement.learning.AttemptSheet;
import io.partnerflow.app.enablement.learning.CourseFileRef;
import io.partnerflow.app.enablement.learning.CoursePage;
import io.partnerflow.app.enablement.learning.LearningRefusedException;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.enablement.learning.ModuleState;
import io.partnerflow.app.enablement.learning.ModuleView;
import io.partnerflow.app.enablement.learning.QuizAttempts;
import io.partnerflow.app.enablement.learning.QuizRefusedException;
import io.partnerflow.app.enablement.learning.QuizStanding;
import io.partnerflow.app.enablement.learning.worker.CourseTasks;
import io.partnerflow.app.form.SafeMarkdown;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the partner user's courses: the modules in order (the next one open, later ones locked,
 * the Markdown rendered safely, files for download), then the quiz. The quiz form is built from the
 * attempt's sheet, which carries no correct answers; the result (and, if the quiz shows them, the
 * correct answers) comes from the server after submission.
 */
@Route("portal/learning/:id([0-9]{1,18})")
@RolesAllowed("PARTNER")
class CourseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final LearningService learning;
  private final QuizAttempts quizAttempts;
  private final CourseTasks courseTasks;
  private final java.time.Clock clock;
  private final Div quizArea = new Div();
  private long enrolmentId;
  private long userId;
  private CoursePage page;

  public CourseView(
      LearningService learning,
      QuizAttempts quizAttempts,
      CourseTasks courseTasks,
      java.time.Clock clock) {
    this.learning = learning;
    this.clock = clock;
    this.quizAttempts = quizAttempts;
    this.courseTasks = courseTasks;
    setId("course-view");
    quizArea.setId("quiz-area");
    quizArea.setWidthFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    enrolmentId = event.getRouteParameters().getLong("id").orElse(-1L);
    try {
      page = learning.coursePage(enrolmentId);
    } catch (LearningRefusedException notYours) {
      // another person's enrolment looks like a missing one: back to the own courses
      page = null;
      error(getTranslation("learning.notFound"));
      event.forwardTo(LearningView.class);
      return;
    }
    userId = page.course().userId();
    // a finished course whose task completion was lost moves its process on now
    courseTasks.completeIfFinished(enrolmentId, page.course().status().name());
    render();
  }

  private void render() {
    removeAll();
    boolean chinese = chinese();
    add(new RouterLink(getTranslation("learning.back"), LearningView.class));
    H2 title = new H2(page.course().title(chinese));
    title.setId("course-title");
    ProgressBar bar = new ProgressBar(0, 100, page.course().percent());
    bar.setId("course-progress");
    bar.setWidth("20em");
    add(title, LearningLabels.status(page.course().status(), this), bar);
    if (page.summary(chinese) != null) {
      add(new Paragraph(page.summary(chinese)));
    }
    for (ModuleView module : page.modules()) {
      add(module(module, chinese));
    }
    add(new H3(getTranslation("learning.quiz.title")), quizArea);
    renderQuiz();
  }

  private Div module(ModuleView module, boolean chinese) {
    Div section = new Div();
    section.setId("module-" + module.position());
    section.addClassName("course-module");
    section.addClassName("module-" + module.state().name().toLowerCase(Locale.ROOT));
    section.setWidthFull();
    H3 heading = new H3(module.position() + ". " + module.title(chinese));
    Span state = new Span(getTranslation("learning.module." + module.state().name()));
    state.getElement().getThemeList().add("badge");
    section.add(heading, state);
    if (module.state() == ModuleState.LOCKED) {
      section.add(
          new Paragraph(getTranslation("learning.module.lockedHint", module.position() - 1)));
      return section;
    }
    Html body = new Html(SafeMarkdown.toHtml(module.body(chinese)));
    body.addClassName("module-body");
    section.add(body);
    for (CourseFileRef file : module.files()) {
      Anchor download =
          new Anchor(
              "/learning/files/" + enrolmentId + "/" + file.id(),
              getTranslation("learning.file", file.fileName(), Math.max(1, file.size() / 1024)));
      download.getElement().setAttribute("download", true);
      download.setId("file-" + file.id());
      section.add(new Div(download));
    }
    if (module.state() == ModuleState.OPEN) {
      Button done =
          new Button(getTranslation("learning.module.markDone"), click -> markDone(module));
      done.setId("module-done-" + module.position());
      done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      section.add(done);
    }
    return section;
  }

  private void markDone(ModuleView module) {
    try {
      page = learning.markDone(enrolmentId, module.position());
      render();
    } catch (LearningRefusedException refused) {
      error(getTranslation("learning.module.refused"));
    }
  }

  private void renderQuiz() {
    quizArea.removeAll();
    QuizStanding standing = page.quiz();
    if (page.quizId() == null || standing == null) {
      quizArea.add(new Paragraph(getTranslation("learning.quiz.none")));
      return;
    }
    if (standing.lastSubmittedAttemptId() != null) {
      quizAttempts
          .result(standing.lastSubmittedAttemptId(), userId)
          .ifPresent(result -> quizArea.add(new QuizResultPanel(result, null)));
    }
    Paragraph attempts =
        new Paragraph(
            getTranslation(
                "learning.quiz.attempts", standing.attemptsUsed(), standing.maxAttempts()));
    attempts.setId("quiz-attempts");
    quizArea.add(attempts);
    if (standing.passed()) {
      return;
    }
    if (!page.quizOpen()) {
      // a course failed on its last attempt: the last result above says the attempts are used up
      if (!page.course().status().finished()) {
        quizArea.add(new Paragraph(getTranslation("learning.quiz.afterModules")));
      }
      return;
    }
    if (standing.attemptsLeft() == 0 && standing.openAttemptId() == null) {
      outOfAttempts();
      return;
    }
    if (standing.nextAttemptAllowedAt() != null
        && standing.openAttemptId() == null
        && standing.nextAttemptAllowedAt().isAfter(clock.instant())) {
      Paragraph wait =
          new Paragraph(
              getTranslation(
                  "learning.quiz.refused.TOO_EARLY",
                  LearningLabels.time(standing.nextAttemptAllowedAt(), getLocale())));
      wait.setId("quiz-wait");
      quizArea.add(wait);
    }
    Button start =
        new Button(
            getTranslation(
                standing.openAttemptId() == null ? "learning.quiz.start" : "learning.quiz.resume"),
            click -> startQuiz());
    start.setId("quiz-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    quizArea.add(start);
  }

  private void outOfAttempts() {
    Paragraph used = new Paragraph(getTranslation("learning.quiz.refused.OUT_OF_ATTEMPTS", ""));
    used.setId("quiz-out-of-attempts");
    quizArea.add(used);
  }

  private void startQuiz() {
    AttemptSheet sheet;
    try {
      sheet = quizAttempts.start(page.quizId(), userId, enrolmentId);
    } catch (QuizRefusedException refused) {
      error(LearningLabels.refusal(refused, this, getLocale()));
      return;
    }
    quizArea.removeAll();
    quizArea.add(new QuizForm(sheet, chinese(), this::submit));
  }

  private void submit(AttemptSheet sheet, java.util.Map<Long, java.util.Set<Long>> answers) {
    AttemptResult result;
    try {
      result = quizAttempts.submit(sheet.attemptId(), userId, answers);
    } catch (QuizRefusedException refused) {
      // the answers stay on the form
      error(LearningLabels.refusal(refused, this, getLocale()));
      return;
    }
    page = learning.coursePage(enrolmentId);
    render();
    quizArea.removeAll();
    quizArea.add(new QuizResultPanel(result, sheet));
    Optional.ofNullable(page.quiz())
        .ifPresent(
            standing ->
                quizArea.add(
                    new Paragraph(
                        getTranslation(
                            "learning.quiz.attempts",
                            standing.attemptsUsed(),
                            standing.maxAttempts()))));
    if (!result.passed() && result.attemptsLeft() > 0) {
      Button again =
          new Button(getTranslation("learning.quiz.again"), click -> renderQuizAfterReload());
      again.setId("quiz-again");
      quizArea.add(again);
    }
  }

  private void renderQuizAfterReload() {
    page = learning.coursePage(enrolmentId);
    render();
  }

  private boolean chinese() {
    return Locale.CHINESE.getLanguage().equals(getLocale().getLanguage());
  }

  private void error(String message) {
    Notification.show(message, 6000, Notification.Position.TOP_CENTER)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  @Override
  public String getPageTitle() {
    return page == null ? getTranslation("nav.learning") : page.course().title(chinese());
  }
}
