package io.partnerflow.app.form;

import java.util.Optional;

/**
 * Where a rendered form's filepickers put and find their files: for a task form, the files of that
 * task's process instance, with the current user's rights checked by the implementation on every
 * call. {@link #NONE} for forms without a place for files (a filepicker then says so).
 */
public interface FormUploads {

  FormUploads NONE =
      new FormUploads() {
        @Override
        public FormFileRef store(String fileName, byte[] content) {
          throw new FormFileRefusedException(ValidationMessages.FILE_TYPE, "-");
        }

        @Override
        public Optional<FormFileRef> find(String reference) {
          return Optional.empty();
        }

        @Override
        public byte[] content(String reference) {
          throw new FormFileRefusedException(ValidationMessages.FILE_UNKNOWN);
        }

        @Override
        public long maxBytes() {
          return 0;
        }
      };

  /**
   * @throws FormFileRefusedException when the file is too large, empty or of a refused kind
   */
  FormFileRef store(String fileName, byte[] content);

  /** The file the reference names, if it exists and the user may see it. */
  Optional<FormFileRef> find(String reference);

  /**
   * @throws FormFileRefusedException when there is no such file or the user may not see it
   */
  byte[] content(String reference);

  /** The largest file accepted, for the upload button's own early check. */
  long maxBytes();
}
