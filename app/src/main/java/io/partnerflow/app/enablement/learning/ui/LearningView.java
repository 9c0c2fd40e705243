package io.partnerflow.app.enablement.learning.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.partnerflow.app.enablement.learning.CourseProgress;
import io.partnerflow.app.enablement.learning.LearningService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/** The partner user's courses: title, status and progress, each opening its course page. */
@Route("portal/learning")
@RolesAllowed("PARTNER")
@Menu(order = 7, title = "nav.learning", icon = "ACADEMY_CAP")
class LearningView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final LearningService learning;

  public LearningView(LearningService learning) {
    this.learning = learning;
    setId("learning-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    add(new H2(getTranslation("nav.learning")));
    List<CourseProgress> courses = learning.myCourses();
    if (courses.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("learning.none"));
      none.setId("learning-none");
      add(none);
      return;
    }
    for (CourseProgress course : courses) {
      add(row(course));
    }
  }

  private Div row(CourseProgress course) {
    boolean chinese = Locale.CHINESE.getLanguage().equals(getLocale().getLanguage());
    RouterLink title =
        new RouterLink(
            course.title(chinese),
            CourseView.class,
            new RouteParameters("id", String.valueOf(course.enrolmentId())));
    title.setId("course-link-" + course.enrolmentId());
    Span status = LearningLabels.status(course.status(), this);
    ProgressBar bar = new ProgressBar(0, 100, course.percent());
    bar.setId("course-progress-" + course.enrolmentId());
    bar.setWidth("20em");
    Span detail =
        new Span(
            getTranslation("learning.modulesDone", course.modulesDone(), course.modulesTotal())
                + " · "
                + course.percent()
                + " %");
    Div row = new Div(title, new Text(" "), status, bar, detail);
    row.addClassName("learning-course");
    row.setId("learning-course-" + course.enrolmentId());
    return row;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.learning");
  }
}
