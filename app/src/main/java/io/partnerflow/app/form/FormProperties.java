package io.partnerflow.app.form;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the form components that reach beyond the form.
 *
 * @param iframeHosts the hosts an {@code iframe} component may show (https only, exact names); an
 *     iframe to any other host is not rendered. Empty by default: no iframe is shown.
 * @param upload the limits of {@code filepicker} uploads
 */
@ConfigurationProperties("partnerflow.forms")
public record FormProperties(List<String> iframeHosts, Upload upload) {

  public FormProperties {
    iframeHosts = iframeHosts == null ? List.of() : List.copyOf(iframeHosts);
    upload = upload == null ? new Upload(null, null) : upload;
  }

  /** No iframe hosts, default upload limits: for renderers built outside Spring. */
  public static FormProperties defaults() {
    return new FormProperties(null, null);
  }

  /**
   * @param maxFileSize the largest file a filepicker accepts, default 10 MB
   * @param allowedTypes the content types accepted, as sniffed from the bytes (never the name):
   *     default PDF, PNG, JPEG, Word, Excel, plain text and CSV
   */
  public record Upload(DataSize maxFileSize, List<String> allowedTypes) {

    public static final List<String> DEFAULT_TYPES =
        List.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/plain",
            "text/csv");

    public Upload {
      maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
      if (maxFileSize.toBytes() < 1) {
        throw new IllegalArgumentException(
            "partnerflow.forms.upload.max-file-size must be positive");
      }
      allowedTypes =
          allowedTypes == null || allowedTypes.isEmpty()
              ? DEFAULT_TYPES
              : List.copyOf(allowedTypes);
    }
  }
}
