package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.enablement.catalogue.CatalogueEditing;
import io.partnerflow.app.enablement.catalogue.CatalogueProperties;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.CatalogueValidationException;
import io.partnerflow.app.enablement.catalogue.CourseDraft;
import io.partnerflow.app.enablement.catalogue.CourseStatus;
import io.partnerflow.app.enablement.catalogue.CourseVersion;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One course: its newest version's titles, summaries, modules and quiz. A draft is edited and saved
 * or published; a published version is shown read-only with "Edit", which opens the next version as
 * a draft.
 */
@Route("enablement/catalogue/course/:code([a-z0-9][a-z0-9-]{0,59})")
@RolesAllowed({"ENABLEMENT", "ADMIN"})
class CourseEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final CatalogueEditing editing;
  private final CatalogueService catalogue;
  private final long maxFileBytes;
  private final FieldProblems problems = new FieldProblems();
  private final List<ModuleEditor> modules = new ArrayList<>();
  private final VerticalLayout moduleList = new VerticalLayout();
  private String code;
  private CourseVersion version;
  private TextField titleEn;
  private TextField titleZh;
  private TextArea summaryEn;
  private TextArea summaryZh;
  private IntegerField minutes;
  private QuizEditor quiz;

  public CourseEditorView(
      CatalogueEditing editing, CatalogueService catalogue, CatalogueProperties properties) {
    this.editing = editing;
    this.catalogue = catalogue;
    this.maxFileBytes = properties.maxFileSize().toBytes();
    setId("course-editor");
    moduleList.setPadding(false);
    moduleList.setId("course-modules");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    code = event.getRouteParameters().get("code").orElse("");
    List<CourseVersion> versions = editing.versions(code);
    if (versions.isEmpty()) {
      event.rerouteToError(NotFoundException.class, getTranslation("catalogue.course.notFound"));
      return;
    }
    render(versions);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("catalogue.course.pageTitle", code == null ? "" : code);
  }

  private void render(List<CourseVersion> versions) {
    removeAll();
    modules.clear();
    version = versions.get(0);
    boolean readOnly = version.status() != CourseStatus.DRAFT;
    H2 title = new H2(version.title(getLocale().getLanguage()));
    title.setId("course-title");
    Paragraph status =
        new Paragraph(
            getTranslation(
                "catalogue.course.versionStatus",
                code,
                version.version(),
                getTranslation("catalogue.status." + version.status().name())));
    status.setId("course-status");
    Paragraph history =
        new Paragraph(
            getTranslation("catalogue.course.versions")
                + " "
                + versions.stream()
                    .map(
                        each ->
                            "v"
                                + each.version()
                                + " "
                                + getTranslation("catalogue.status." + each.status().name()))
                    .collect(Collectors.joining(" · ")));
    history.setId("course-versions");
    add(title, status, history);
    CourseDraft draft = editing.draftOf(version.id());
    add(actions(readOnly, true), details(draft, readOnly));
    add(
        new H3(getTranslation("catalogue.course.modules")),
        problems.message("modules"),
        moduleList);
    for (CourseDraft.Module module : draft.modules()) {
      modules.add(moduleEditor(module, readOnly));
    }
    layOutModules();
    if (!readOnly) {
      Button addModule =
          new Button(
              getTranslation("catalogue.course.addModule"),
              event -> {
                modules.add(moduleEditor(new CourseDraft.Module(null, "", "", "", ""), false));
                layOutModules();
              });
      addModule.setId("course-add-module");
      add(addModule);
    }
    quiz = new QuizEditor("quiz", draft.quiz(), problems, readOnly);
    add(new H3(getTranslation("catalogue.course.quiz")), problems.message("quiz"), quiz);
    if (!readOnly) {
      add(actions(false, false));
    }
  }

  private HorizontalLayout actions(boolean readOnly, boolean top) {
    HorizontalLayout actions = new HorizontalLayout();
    if (readOnly) {
      Button edit =
          new Button(
              getTranslation("catalogue.course.edit", version.version() + 1),
              event -> {
                editing.openDraft(code);
                render(editing.versions(code));
              });
      edit.setId("course-edit");
      edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      actions.add(edit);
    } else {
      Button save = new Button(getTranslation("catalogue.action.saveDraft"), event -> save(false));
      Button publish = new Button(getTranslation("catalogue.action.publish"), event -> save(true));
      publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      // the bottom row repeats the buttons for long pages
      String suffix = top ? "" : "-bottom";
      save.setId("course-save" + suffix);
      publish.setId("course-publish" + suffix);
      actions.add(save, publish);
    }
    return actions;
  }

  private FormLayout details(CourseDraft draft, boolean readOnly) {
    titleEn = new TextField(getTranslation("catalogue.field.titleEn"));
    titleZh = new TextField(getTranslation("catalogue.field.titleZh"));
    summaryEn = new TextArea(getTranslation("catalogue.field.summaryEn"));
    summaryZh = new TextArea(getTranslation("catalogue.field.summaryZh"));
    minutes = new IntegerField(getTranslation("catalogue.field.minutes"));
    titleEn.setId("course-title-en");
    titleZh.setId("course-title-zh");
    summaryEn.setId("course-summary-en");
    summaryZh.setId("course-summary-zh");
    minutes.setId("course-minutes");
    titleEn.setValue(QuizEditor.nullToEmpty(draft.titleEn()));
    titleZh.setValue(QuizEditor.nullToEmpty(draft.titleZh()));
    summaryEn.setValue(QuizEditor.nullToEmpty(draft.summaryEn()));
    summaryZh.setValue(QuizEditor.nullToEmpty(draft.summaryZh()));
    minutes.setValue(draft.estimatedMinutes());
    problems.field("titleEn", titleEn);
    problems.field("titleZh", titleZh);
    problems.field("summaryEn", summaryEn);
    problems.field("summaryZh", summaryZh);
    problems.field("estimatedMinutes", minutes);
    titleEn.setReadOnly(readOnly);
    titleZh.setReadOnly(readOnly);
    summaryEn.setReadOnly(readOnly);
    summaryZh.setReadOnly(readOnly);
    minutes.setReadOnly(readOnly);
    return new FormLayout(titleEn, titleZh, summaryEn, summaryZh, minutes);
  }

  private ModuleEditor moduleEditor(CourseDraft.Module module, boolean readOnly) {
    return new ModuleEditor(
        module,
        readOnly,
        catalogue,
        editing,
        maxFileBytes,
        new ModuleEditor.Moves() {
          @Override
          public void up(ModuleEditor editor) {
            int index = modules.indexOf(editor);
            if (index > 0) {
              Collections.swap(modules, index, index - 1);
              layOutModules();
            }
          }

          @Override
          public void down(ModuleEditor editor) {
            int index = modules.indexOf(editor);
            if (index >= 0 && index < modules.size() - 1) {
              Collections.swap(modules, index, index + 1);
              layOutModules();
            }
          }

          @Override
          public void remove(ModuleEditor editor) {
            modules.remove(editor);
            layOutModules();
          }
        });
  }

  private void layOutModules() {
    moduleList.removeAll();
    for (int i = 0; i < modules.size(); i++) {
      modules.get(i).layOut(i, problems);
      moduleList.add(modules.get(i));
    }
  }

  private void save(boolean publish) {
    CourseDraft draft =
        new CourseDraft(
            titleEn.getValue(),
            titleZh.getValue(),
            summaryEn.getValue(),
            summaryZh.getValue(),
            minutes.getValue(),
            modules.stream().map(ModuleEditor::value).toList(),
            quiz.value());
    CourseVersion saved;
    try {
      problems.clear();
      saved = editing.saveDraft(version.id(), draft);
    } catch (CatalogueValidationException e) {
      showProblems(e);
      return;
    }
    // new modules have their ids now (files can be attached)
    render(editing.versions(code));
    if (publish) {
      try {
        saved = editing.publish(saved.id());
      } catch (CatalogueValidationException e) {
        showProblems(e);
        return;
      }
      render(editing.versions(code));
    }
    Notification.show(
            getTranslation(
                publish ? "catalogue.course.published" : "catalogue.course.saved", saved.version()),
            4000,
            Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private void showProblems(CatalogueValidationException e) {
    List<String> unplaced =
        problems.show(
            e.problems(),
            problem -> getTranslation(problem.messageKey(), problem.arguments().toArray()));
    String message =
        getTranslation("catalogue.error.summary", e.problems().size())
            + (unplaced.isEmpty() ? "" : " " + String.join("; ", unplaced));
    Notification error = Notification.show(message, 8000, Notification.Position.MIDDLE);
    error.addThemeVariants(NotificationVariant.LUMO_ERROR);
    error.setId("catalogue-errors");
  }
}
