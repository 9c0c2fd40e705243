package io.partnerflow.app.form.upload;

import io.partnerflow.app.base.files.FileTypes;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FieldError;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormFileRef;
import io.partnerflow.app.form.FormFileRefusedException;
import io.partnerflow.app.form.FormProperties;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.ValidationMessages;
import io.partnerflow.app.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of task forms' filepickers. Every call is checked here for the logged-in user: uploads
 * only into a task they may work; a file is seen only by who may work an open task of its process
 * instance (a partner user: their organisation's tasks only) or by who uploaded it. The type is
 * judged from the bytes ({@link FileTypes}), never from the name.
 */
@Service
@Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT", "ROLE_PARTNER"})
public class FormFiles {

  private final FormFileRepository files;
  private final FormFileAccess access;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final FormProperties.Upload limits;

  FormFiles(
      FormFileRepository files,
      FormFileAccess access,
      CurrentUser currentUser,
      Clock clock,
      FormProperties properties) {
    this.files = files;
    this.access = access;
    this.currentUser = currentUser;
    this.clock = clock;
    this.limits = properties.upload();
  }

  /**
   * Stores a file for the task's process instance.
   *
   * @throws FormFileRefusedException when the file is empty, too large or of a refused kind
   * @throws AccessDeniedException when the user may not work the task
   */
  @Transactional
  public FormFileRef upload(long taskKey, String fileName, byte[] content) {
    String user = username();
    long instance =
        access
            .instanceOfWorkableTask(taskKey)
            .orElseThrow(() -> new AccessDeniedException("No such task"));
    if (content == null || content.length == 0) {
      throw new FormFileRefusedException(ValidationMessages.FILE_EMPTY);
    }
    long max = limits.maxFileSize().toBytes();
    if (content.length > max) {
      throw new FormFileRefusedException(
          ValidationMessages.FILE_TOO_LARGE, Math.max(1, max / (1024 * 1024)));
    }
    String name = safeName(fileName);
    String type =
        FileTypes.sniff(name, content)
            .filter(limits.allowedTypes()::contains)
            .orElseThrow(
                () -> new FormFileRefusedException(ValidationMessages.FILE_TYPE, allowedNames()));
    StoredFormFile file =
        new StoredFormFile(
            UUID.randomUUID(),
            instance,
            taskKey,
            name,
            type,
            content.length,
            user,
            clock.instant());
    files.insert(file, content);
    return file.ref();
  }

  /** The file's description, when it exists and the user may see it. */
  public Optional<FormFileRef> find(String reference) {
    return visible(reference).map(StoredFormFile::ref);
  }

  /**
   * @throws FormFileRefusedException when there is no such file or the user may not see it (alike,
   *     so the answer tells nothing about which files exist)
   */
  public byte[] content(String reference) {
    StoredFormFile file =
        visible(reference)
            .orElseThrow(() -> new FormFileRefusedException(ValidationMessages.FILE_UNKNOWN));
    return files.content(file.id());
  }

  /**
   * The filepicker values of a submission that do not name a file of this process instance: a
   * tampered submission must not attach another process's (or partner's) file.
   */
  public List<FieldError> foreignFiles(
      FormSchema schema, Map<String, Object> values, long processInstanceKey) {
    List<FieldError> errors = new ArrayList<>();
    for (FormComponent input : schema.inputs()) {
      if (ComponentTypes.FILEPICKER.equals(input.type())
          && values.get(input.key()) instanceof String reference
          && !belongsTo(reference, processInstanceKey)) {
        errors.add(FieldError.of(input.key(), ValidationMessages.FILE_UNKNOWN));
      }
    }
    return errors;
  }

  public long maxBytes() {
    return limits.maxFileSize().toBytes();
  }

  private boolean belongsTo(String reference, long processInstanceKey) {
    return FormFileRef.isReference(reference)
        && files
            .find(FormFileRef.idOf(reference))
            .filter(file -> file.processInstanceKey() == processInstanceKey)
            .isPresent();
  }

  private Optional<StoredFormFile> visible(String reference) {
    String user = username();
    if (!FormFileRef.isReference(reference)) {
      return Optional.empty();
    }
    return files
        .find(FormFileRef.idOf(reference))
        .filter(
            file ->
                user.equals(file.uploadedBy()) || access.maySeeInstance(file.processInstanceKey()));
  }

  private String username() {
    return currentUser
        .get()
        .map(account -> account.username())
        .orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }

  private String allowedNames() {
    return String.join(
        ", ", limits.allowedTypes().stream().map(FormFiles::shortName).distinct().toList());
  }

  private static String shortName(String contentType) {
    return switch (contentType) {
      case "application/pdf" -> "PDF";
      case "image/png" -> "PNG";
      case "image/jpeg" -> "JPEG";
      case "text/plain" -> "TXT";
      case "text/csv" -> "CSV";
      default ->
          contentType.contains("wordprocessingml")
              ? "DOCX"
              : contentType.contains("spreadsheetml") ? "XLSX" : contentType;
    };
  }

  /** The name without any path and control characters, at most 200 characters. */
  static String safeName(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "file";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
