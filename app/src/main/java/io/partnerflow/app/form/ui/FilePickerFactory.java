package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormFileRef;
import io.partnerflow.app.form.FormFileRefusedException;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.FormUploads;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * filepicker: an upload button that hands the file to the form's {@link FormUploads} at once (the
 * server judges size and type there) and keeps only the returned reference as the field's value;
 * the file attached is shown with a download link, read again through {@link FormUploads} on every
 * download. A locked filepicker shows the file without the button.
 */
final class FilePickerFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.FILEPICKER);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    FilePickerElement element = new FilePickerElement(component, context);
    element.apply(context.state());
    return element;
  }

  static final class FilePickerElement implements FormElement {

    private final FormComponent definition;
    private final RenderContext context;
    private final Div box = new Div();
    private final Div current = new Div();
    private final Upload upload;
    private final Span error = new Span();
    private final List<Runnable> listeners = new ArrayList<>();
    private String reference;
    private boolean locked;
    private Button remove;

    FilePickerElement(FormComponent definition, RenderContext context) {
      this.definition = definition;
      this.context = context;
      box.addClassName("form-filepicker");
      box.setId("form-field-" + definition.key());
      box.setWidthFull();
      String label = context.labels().label(definition);
      NativeLabel caption =
          new NativeLabel(
              (label == null ? definition.key() : label)
                  + (definition.validate().required() ? " *" : ""));
      caption.addClassName("form-filepicker-label");
      // styled as Vaadin's own field label and helper text, each on its own line
      caption.getStyle().set("display", "block");
      caption.getStyle().set("font-size", "var(--lumo-font-size-s)");
      caption.getStyle().set("font-weight", "500");
      caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
      box.add(caption);
      String description = context.labels().description(definition);
      if (description != null && !description.isBlank()) {
        Div help = new Div(description);
        help.addClassName("form-filepicker-help");
        help.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        box.add(help);
      }
      upload =
          new Upload(
              UploadHandler.inMemory((metadata, data) -> receive(metadata.fileName(), data)));
      upload.setMaxFiles(1);
      upload.setI18n(i18n(context));
      long max = context.uploads().maxBytes();
      if (max > 0) {
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
      }
      upload.setId("form-upload-" + definition.key());
      upload.addFileRejectedListener(event -> showError(event.getErrorMessage()));
      error.addClassName("form-filepicker-error");
      error.getStyle().set("color", "var(--lumo-error-text-color)");
      error.setVisible(false);
      current.addClassName("form-filepicker-current");
      box.add(current, upload, error);
    }

    /** A file arrived: stored (or refused with a message on the field), then it is the value. */
    void receive(String fileName, byte[] data) {
      try {
        FormFileRef stored = context.uploads().store(fileName, data);
        clearError();
        reference = stored.reference();
        show(Optional.of(stored));
        listeners.forEach(Runnable::run);
      } catch (FormFileRefusedException refused) {
        showError(context.message(refused.messageKey(), refused.args().toArray()));
      } finally {
        upload.clearFileList();
      }
    }

    @Override
    public FormComponent definition() {
      return definition;
    }

    @Override
    public Component component() {
      return box;
    }

    @Override
    public void apply(FormState state) {
      FormElement.super.apply(state);
      locked = state.isLocked(definition);
      upload.setVisible(!locked);
      if (remove != null) {
        remove.setVisible(!locked);
      }
    }

    @Override
    public boolean hasValue() {
      return true;
    }

    @Override
    public Object value() {
      return reference;
    }

    @Override
    public void setValue(Object value) {
      reference = value instanceof String text && !text.isBlank() ? text : null;
      show(reference == null ? Optional.empty() : context.uploads().find(reference));
    }

    @Override
    public void onChange(Runnable listener) {
      listeners.add(listener);
    }

    @Override
    public void showError(String message) {
      error.setText(message);
      error.setVisible(true);
    }

    @Override
    public void clearError() {
      error.setText("");
      error.setVisible(false);
    }

    private void show(Optional<FormFileRef> file) {
      current.removeAll();
      remove = null;
      if (file.isEmpty()) {
        Span none = new Span(context.message("form.file.none"));
        none.addClassName("form-filepicker-none");
        current.add(none);
        return;
      }
      FormFileRef ref = file.get();
      FormUploads uploads = context.uploads();
      String shown = ref.reference();
      Anchor download =
          new Anchor(
              DownloadHandler.fromInputStream(
                  event ->
                      new DownloadResponse(
                          new ByteArrayInputStream(uploads.content(shown)),
                          ref.fileName(),
                          ref.contentType(),
                          ref.size())),
              context.message("form.file.download", ref.fileName(), size(ref.size())));
      download.getElement().setAttribute("download", true);
      download.setId("form-file-" + definition.key());
      remove =
          new Button(
              context.message("form.file.remove"),
              click -> {
                reference = null;
                show(Optional.empty());
                listeners.forEach(Runnable::run);
              });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      remove.setVisible(!locked);
      HorizontalLayout row = new HorizontalLayout(download, remove);
      row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
      current.add(row);
    }

    /** The upload's own texts in the user's language (Vaadin's default is English). */
    private static UploadI18N i18n(RenderContext context) {
      UploadI18N i18n = new UploadI18N();
      i18n.setAddFiles(
          new UploadI18N.AddFiles()
              .setOne(context.message("form.file.choose"))
              .setMany(context.message("form.file.choose")));
      i18n.setDropFiles(
          new UploadI18N.DropFiles()
              .setOne(context.message("form.file.drop"))
              .setMany(context.message("form.file.drop")));
      i18n.setError(
          new UploadI18N.Error()
              .setTooManyFiles(context.message("form.file.one"))
              .setFileIsTooBig(context.message("form.file.tooBig"))
              .setIncorrectFileType(context.message("form.file.one")));
      return i18n;
    }

    private static String size(long bytes) {
      return bytes < 1024 * 1024
          ? Math.max(1, (bytes + 1023) / 1024) + " KB"
          : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
  }
}
