package io.partnerflow.app.modeling;

/**
 * One model as the engine knows it after a deployment.
 *
 * @param kind process, decision or form
 * @param id the process, decision or form id
 * @param version the engine's version; unchanged content keeps its version
 * @param key the engine's key of this version
 */
public record DeployedModel(Kind kind, String id, int version, long key, String resourceName) {

  /** What a model file defines. */
  public enum Kind {
    PROCESS(".bpmn"),
    DECISION(".dmn"),
    FORM(".form");

    private final String extension;

    Kind(String extension) {
      this.extension = extension;
    }

    /** The file extension of this kind, with the dot. */
    public String extension() {
      return extension;
    }

    /** The kind of a file by its extension, if it is a model file. */
    public static java.util.Optional<Kind> ofFileName(String fileName) {
      for (Kind kind : values()) {
        if (fileName != null && fileName.endsWith(kind.extension)) {
          return java.util.Optional.of(kind);
        }
      }
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + " " + id + " v" + version + " (" + resourceName + ")";
  }
}
