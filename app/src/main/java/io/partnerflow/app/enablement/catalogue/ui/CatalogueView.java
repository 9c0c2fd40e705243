package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.enablement.catalogue.CatalogueEditing;
import io.partnerflow.app.enablement.catalogue.CatalogueValidationException;
import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.catalogue.CourseDraft;
import io.partnerflow.app.enablement.catalogue.CourseVersion;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The enablement team's catalogue: every course with its newest version, status and title in the
 * user's language, a new course by code and titles, and the certifications.
 */
@Route("enablement/catalogue")
@RolesAllowed({"ENABLEMENT", "ADMIN"})
@Menu(order = 40, title = "nav.catalogue", icon = "ACADEMY_CAP")
class CatalogueView extends VerticalLayout implements HasDynamicTitle {

  private final CatalogueEditing editing;
  private final FieldProblems problems = new FieldProblems();

  public CatalogueView(CatalogueEditing editing) {
    this.editing = editing;
    setId("catalogue-view");
    add(new H2(getTranslation("catalogue.title")));
    add(new H3(getTranslation("catalogue.courses")), newCourse(), courses());
    add(new H3(getTranslation("catalogue.certifications")), certifications());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("catalogue.title");
  }

  private Grid<CourseVersion> courses() {
    String language = getLocale().getLanguage();
    Grid<CourseVersion> grid = new Grid<>();
    grid.setId("catalogue-courses");
    grid.setAllRowsVisible(true);
    grid.addColumn(CourseVersion::code).setHeader(getTranslation("catalogue.field.code"));
    grid.addColumn(version -> version.title(language))
        .setHeader(getTranslation("catalogue.field.title"))
        .setFlexGrow(3);
    grid.addColumn(CourseVersion::version).setHeader(getTranslation("catalogue.field.version"));
    grid.addColumn(version -> getTranslation("catalogue.status." + version.status().name()))
        .setHeader(getTranslation("catalogue.field.status"));
    grid.setItems(editing.courses());
    grid.addItemClickListener(
        event ->
            getUI()
                .ifPresent(
                    ui -> ui.navigate("enablement/catalogue/course/" + event.getItem().code())));
    return grid;
  }

  private HorizontalLayout newCourse() {
    TextField code = new TextField(getTranslation("catalogue.field.code"));
    TextField titleEn = new TextField(getTranslation("catalogue.field.titleEn"));
    TextField titleZh = new TextField(getTranslation("catalogue.field.titleZh"));
    code.setId("new-course-code");
    titleEn.setId("new-course-title-en");
    titleZh.setId("new-course-title-zh");
    code.setHelperText(getTranslation("catalogue.field.codeHelp"));
    problems.field("code", code);
    problems.field("titleEn", titleEn);
    problems.field("titleZh", titleZh);
    Button create =
        new Button(
            getTranslation("catalogue.action.newCourse"),
            event -> {
              try {
                problems.clear();
                CourseVersion created =
                    editing.createCourse(
                        code.getValue().strip(),
                        new CourseDraft(
                            titleEn.getValue(), titleZh.getValue(), "", "", null, List.of(), null));
                getUI()
                    .ifPresent(ui -> ui.navigate("enablement/catalogue/course/" + created.code()));
              } catch (CatalogueValidationException e) {
                problems.show(
                    e.problems(),
                    problem -> getTranslation(problem.messageKey(), problem.arguments().toArray()));
              }
            });
    create.setId("new-course-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(code, titleEn, titleZh, create);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    row.setId("new-course");
    return row;
  }

  private VerticalLayout certifications() {
    String language = getLocale().getLanguage();
    Grid<Certification> grid = new Grid<>();
    grid.setId("catalogue-certifications");
    grid.setAllRowsVisible(true);
    grid.addColumn(Certification::code).setHeader(getTranslation("catalogue.field.code"));
    grid.addColumn(certification -> certification.name(language))
        .setHeader(getTranslation("catalogue.field.name"))
        .setFlexGrow(3);
    grid.addColumn(Certification::validityMonths)
        .setHeader(getTranslation("catalogue.field.validityMonths"));
    grid.addColumn(certification -> String.join(", ", certification.courseCodes()))
        .setHeader(getTranslation("catalogue.field.courses"))
        .setFlexGrow(2);
    grid.addColumn(
            certification ->
                getTranslation(
                    editing.isActive(certification.code())
                        ? "catalogue.certification.active"
                        : "catalogue.certification.inactive"))
        .setHeader(getTranslation("catalogue.field.active"));
    grid.setItems(editing.certifications());
    grid.addItemClickListener(
        event ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            "enablement/catalogue/certification/" + event.getItem().code())));
    Button create =
        new Button(
            getTranslation("catalogue.action.newCertification"),
            event ->
                getUI().ifPresent(ui -> ui.navigate("enablement/catalogue/certification/new")));
    create.setId("new-certification");
    VerticalLayout layout = new VerticalLayout(create, grid);
    layout.setPadding(false);
    return layout;
  }
}
