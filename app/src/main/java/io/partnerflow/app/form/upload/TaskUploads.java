package io.partnerflow.app.form.upload;

import io.partnerflow.app.form.FormFileRef;
import io.partnerflow.app.form.FormUploads;
import java.util.Optional;

/** A task form's place for files: {@link FormFiles} bound to one task (checks stay there). */
public final class TaskUploads implements FormUploads {

  private final FormFiles files;
  private final long taskKey;

  public TaskUploads(FormFiles files, long taskKey) {
    this.files = files;
    this.taskKey = taskKey;
  }

  @Override
  public FormFileRef store(String fileName, byte[] content) {
    return files.upload(taskKey, fileName, content);
  }

  @Override
  public Optional<FormFileRef> find(String reference) {
    return files.find(reference);
  }

  @Override
  public byte[] content(String reference) {
    return files.content(reference);
  }

  @Override
  public long maxBytes() {
    return files.maxBytes();
  }
}
