package io.partnerflow.app.form.upload;

import io.partnerflow.app.form.FormFileRef;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code app.form_file} without its bytes. */
record StoredFormFile(
    UUID id,
    long processInstanceKey,
    long taskKey,
    String fileName,
    String contentType,
    long size,
    String uploadedBy,
    Instant uploadedAt) {

  FormFileRef ref() {
    return new FormFileRef(id.toString(), fileName, contentType, size);
  }
}
