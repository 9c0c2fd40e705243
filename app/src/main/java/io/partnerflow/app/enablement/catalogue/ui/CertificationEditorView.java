package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.CatalogueValidationException;
import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.catalogue.CertificationDraft;
import io.partnerflow.app.enablement.catalogue.CourseVersion;
import io.partnerflow.app.enablement.catalogue.QuizDraft;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One certification (or a new one at {@code .../certification/new}): names, validity, the courses
 * it requires and its exam bank. Saving writes the exam as a new quiz, so attempts already drawn
 * keep their questions.
 */
@Route("enablement/catalogue/certification/:code([a-z0-9][a-z0-9-]{0,59})")
@RolesAllowed({"ENABLEMENT", "ADMIN"})
class CertificationEditorView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private static final String NEW = "new";

  private final CatalogueEditing editing;
  private final CatalogueService catalogue;
  private final FieldProblems problems = new FieldProblems();
  private String code;

  public CertificationEditorView(CatalogueEditing editing, CatalogueService catalogue) {
    this.editing = editing;
    this.catalogue = catalogue;
    setId("certification-editor");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    code = event.getRouteParameters().get("code").orElse(NEW);
    Optional<Certification> existing =
        NEW.equals(code) ? Optional.empty() : catalogue.certification(code);
    if (!NEW.equals(code) && existing.isEmpty()) {
      event.rerouteToError(
          NotFoundException.class, getTranslation("catalogue.certification.notFound"));
      return;
    }
    render(existing);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("catalogue.certification.pageTitle", code == null ? "" : code);
  }

  private void render(Optional<Certification> existing) {
    removeAll();
    String language = getLocale().getLanguage();
    add(
        new H2(
            existing
                .map(certification -> certification.name(language))
                .orElse(getTranslation("catalogue.certification.new"))));
    TextField codeField = new TextField(getTranslation("catalogue.field.code"));
    TextField nameEn = new TextField(getTranslation("catalogue.field.nameEn"));
    TextField nameZh = new TextField(getTranslation("catalogue.field.nameZh"));
    TextArea summaryEn = new TextArea(getTranslation("catalogue.field.summaryEn"));
    TextArea summaryZh = new TextArea(getTranslation("catalogue.field.summaryZh"));
    IntegerField validity = new IntegerField(getTranslation("catalogue.field.validityMonths"));
    Checkbox active = new Checkbox(getTranslation("catalogue.certification.active"));
    MultiSelectComboBox<String> courses =
        new MultiSelectComboBox<>(getTranslation("catalogue.field.courses"));
    codeField.setId("certification-code");
    nameEn.setId("certification-name-en");
    nameZh.setId("certification-name-zh");
    validity.setId("certification-validity");
    active.setId("certification-active");
    courses.setId("certification-courses");
    courses.setItems(editing.courses().stream().map(CourseVersion::code).toList());
    problems.field("code", codeField);
    problems.field("nameEn", nameEn);
    problems.field("nameZh", nameZh);
    problems.field("summaryEn", summaryEn);
    problems.field("summaryZh", summaryZh);
    problems.field("validityMonths", validity);
    QuizDraft exam = null;
    if (existing.isPresent()) {
      Certification certification = existing.get();
      codeField.setValue(certification.code());
      codeField.setReadOnly(true);
      nameEn.setValue(certification.nameEn());
      nameZh.setValue(certification.nameZh());
      summaryEn.setValue(QuizEditor.nullToEmpty(certification.summaryEn()));
      summaryZh.setValue(QuizEditor.nullToEmpty(certification.summaryZh()));
      validity.setValue(certification.validityMonths());
      active.setValue(editing.isActive(certification.code()));
      courses.setValue(new LinkedHashSet<>(certification.courseCodes()));
      if (certification.examQuizId() != null) {
        exam = QuizDraft.of(catalogue.quiz(certification.examQuizId()));
      }
    } else {
      validity.setValue(24);
      active.setValue(true);
    }
    QuizEditor examEditor = new QuizEditor("exam", exam, problems, false);
    Button save =
        new Button(
            getTranslation("catalogue.action.save"),
            event -> {
              CertificationDraft draft =
                  new CertificationDraft(
                      codeField.getValue().strip(),
                      nameEn.getValue(),
                      nameZh.getValue(),
                      summaryEn.getValue(),
                      summaryZh.getValue(),
                      validity.getValue() == null ? 0 : validity.getValue(),
                      active.getValue(),
                      List.copyOf(courses.getValue()),
                      examEditor.value());
              try {
                problems.clear();
                Certification saved = editing.saveCertification(draft);
                Notification.show(
                        getTranslation("catalogue.certification.saved"),
                        4000,
                        Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                if (NEW.equals(code)) {
                  getUI()
                      .ifPresent(
                          ui -> ui.navigate("enablement/catalogue/certification/" + saved.code()));
                }
              } catch (CatalogueValidationException e) {
                List<String> unplaced =
                    problems.show(
                        e.problems(),
                        problem ->
                            getTranslation(problem.messageKey(), problem.arguments().toArray()));
                Notification error =
                    Notification.show(
                        getTranslation("catalogue.error.summary", e.problems().size())
                            + (unplaced.isEmpty() ? "" : " " + String.join("; ", unplaced)),
                        8000,
                        Notification.Position.MIDDLE);
                error.addThemeVariants(NotificationVariant.LUMO_ERROR);
                error.setId("catalogue-errors");
              }
            });
    save.setId("certification-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new FormLayout(codeField, validity, nameEn, nameZh, summaryEn, summaryZh, courses, active),
        new H3(getTranslation("catalogue.certification.exam")),
        problems.message("exam"),
        examEditor,
        save);
  }
}
