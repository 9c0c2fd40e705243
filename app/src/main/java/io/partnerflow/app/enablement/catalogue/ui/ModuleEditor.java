package io.partnerflow.app.enablement.catalogue.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import io.partnerflow.app.enablement.catalogue.CatalogueEditing;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.CatalogueValidationException;
import io.partnerflow.app.enablement.catalogue.CourseDraft;
import io.partnerflow.app.enablement.catalogue.CourseFile;
import io.partnerflow.app.enablement.catalogue.FieldProblem;
import io.partnerflow.app.form.SafeMarkdown;
import java.io.ByteArrayInputStream;

/**
 * One module of a course version: titles and Markdown bodies in both languages with a preview (the
 * project's safe Markdown, as partners will see it) and its files. Files attach to a saved module
 * of a draft only.
 */
class ModuleEditor extends VerticalLayout {

  /** What the course editor does when a module moves or goes. */
  interface Moves {
    void up(ModuleEditor module);

    void down(ModuleEditor module);

    void remove(ModuleEditor module);
  }

  private final Long moduleId;
  private final TextField titleEn = new TextField();
  private final TextField titleZh = new TextField();
  private final TextArea bodyEn = new TextArea();
  private final TextArea bodyZh = new TextArea();
  private final VerticalLayout preview = new VerticalLayout();
  private final VerticalLayout files = new VerticalLayout();
  private final boolean readOnly;
  private final CatalogueService catalogue;
  private final CatalogueEditing editing;
  private final long maxFileBytes;
  private final Moves moves;

  ModuleEditor(
      CourseDraft.Module module,
      boolean readOnly,
      CatalogueService catalogue,
      CatalogueEditing editing,
      long maxFileBytes,
      Moves moves) {
    this.moduleId = module.id();
    this.readOnly = readOnly;
    this.catalogue = catalogue;
    this.editing = editing;
    this.maxFileBytes = maxFileBytes;
    this.moves = moves;
    getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
    getStyle().set("border-radius", "var(--lumo-border-radius-m)");
    titleEn.setLabel(getTranslation("catalogue.field.titleEn"));
    titleZh.setLabel(getTranslation("catalogue.field.titleZh"));
    bodyEn.setLabel(getTranslation("catalogue.field.bodyEn"));
    bodyZh.setLabel(getTranslation("catalogue.field.bodyZh"));
    bodyEn.setHelperText(getTranslation("catalogue.field.markdownHelp"));
    titleEn.setValue(QuizEditor.nullToEmpty(module.titleEn()));
    titleZh.setValue(QuizEditor.nullToEmpty(module.titleZh()));
    bodyEn.setValue(QuizEditor.nullToEmpty(module.bodyEn()));
    bodyZh.setValue(QuizEditor.nullToEmpty(module.bodyZh()));
    for (var field : new com.vaadin.flow.component.HasSize[] {titleEn, titleZh, bodyEn, bodyZh}) {
      field.setWidthFull();
    }
    bodyEn.setMinHeight("8em");
    bodyZh.setMinHeight("8em");
    titleEn.setReadOnly(readOnly);
    titleZh.setReadOnly(readOnly);
    bodyEn.setReadOnly(readOnly);
    bodyZh.setReadOnly(readOnly);
    preview.setVisible(false);
    preview.setPadding(false);
    files.setPadding(false);
    files.setSpacing(false);
  }

  void layOut(int index, FieldProblems problems) {
    removeAll();
    String prefix = "modules[" + index + "].";
    String id = "module-" + index;
    setId(id);
    titleEn.setId(id + "-title-en");
    titleZh.setId(id + "-title-zh");
    bodyEn.setId(id + "-body-en");
    bodyZh.setId(id + "-body-zh");
    problems.field(prefix + "titleEn", titleEn);
    problems.field(prefix + "titleZh", titleZh);
    problems.field(prefix + "bodyEn", bodyEn);
    problems.field(prefix + "bodyZh", bodyZh);
    HorizontalLayout header =
        new HorizontalLayout(new H4(getTranslation("catalogue.module.number", index + 1)));
    Button togglePreview =
        new Button(getTranslation("catalogue.module.preview"), event -> togglePreview());
    togglePreview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    togglePreview.setId(id + "-preview");
    header.add(togglePreview);
    if (!readOnly) {
      Button up = new Button("↑", event -> moves.up(this));
      Button down = new Button("↓", event -> moves.down(this));
      Button remove =
          new Button(getTranslation("catalogue.action.remove"), event -> moves.remove(this));
      up.getElement().setAttribute("aria-label", getTranslation("catalogue.module.up"));
      down.getElement().setAttribute("aria-label", getTranslation("catalogue.module.down"));
      up.setId(id + "-up");
      down.setId(id + "-down");
      remove.setId(id + "-remove");
      for (Button button : new Button[] {up, down, remove}) {
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      }
      remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
      header.add(up, down, remove);
    }
    preview.setId(id + "-rendered");
    add(header, titleEn, titleZh, bodyEn, bodyZh, preview, files);
    showFiles(id);
  }

  CourseDraft.Module value() {
    return new CourseDraft.Module(
        moduleId, titleEn.getValue(), titleZh.getValue(), bodyEn.getValue(), bodyZh.getValue());
  }

  private void togglePreview() {
    preview.removeAll();
    preview.add(
        new H4(titleEn.getValue()),
        new Html(SafeMarkdown.toHtml(bodyEn.getValue())),
        new H4(titleZh.getValue()),
        new Html(SafeMarkdown.toHtml(bodyZh.getValue())));
    preview.setVisible(!preview.isVisible());
  }

  private void showFiles(String id) {
    files.removeAll();
    files.add(new Span(getTranslation("catalogue.module.files")));
    if (moduleId == null) {
      files.add(new Span(getTranslation("catalogue.module.saveForFiles")));
      return;
    }
    for (CourseFile file : catalogue.files(moduleId)) {
      long fileId = file.id();
      Anchor download =
          new Anchor(
              new StreamResource(
                  file.fileName(), () -> new ByteArrayInputStream(catalogue.fileContent(fileId))),
              file.fileName()
                  + " ("
                  + file.contentType()
                  + ", "
                  + kilobytes(file.sizeBytes())
                  + ")");
      download.getElement().setAttribute("download", true);
      HorizontalLayout row = new HorizontalLayout(download);
      row.setId(id + "-file-" + fileId);
      if (!readOnly) {
        Button remove =
            new Button(
                getTranslation("catalogue.action.remove"),
                event -> {
                  editing.removeFile(fileId);
                  showFiles(id);
                });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.add(remove);
      }
      files.add(row);
    }
    if (!readOnly) {
      Upload upload =
          new Upload(
              UploadHandler.inMemory(
                  (metadata, data) -> {
                    try {
                      editing.attachFile(moduleId, metadata.fileName(), data);
                      showFiles(id);
                    } catch (CatalogueValidationException e) {
                      FieldProblem problem = e.problems().get(0);
                      error(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                    }
                  }));
      upload.setId(id + "-upload");
      upload.setMaxFiles(1);
      upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
      upload.addFileRejectedListener(
          event ->
              error(getTranslation("catalogue.error.fileRejected", maxFileBytes / (1024 * 1024))));
      files.add(upload);
    }
  }

  private void error(String message) {
    Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  private static String kilobytes(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024) + " KB";
  }
}
