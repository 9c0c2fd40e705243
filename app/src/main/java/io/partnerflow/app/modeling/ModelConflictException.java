package io.partnerflow.app.modeling;

/**
 * Somebody else saved a draft or deployed the model since the editor loaded it: nothing was
 * overwritten, and the caller still holds its own copy.
 */
public class ModelConflictException extends RuntimeException {

  private final transient ModelDraft currentDraft;
  private final int currentDeployedVersion;

  ModelConflictException(ModelRef ref, ModelDraft currentDraft, int currentDeployedVersion) {
    super(
        ref
            + " changed meanwhile: draft "
            + (currentDraft == null
                ? "none"
                : "v" + currentDraft.version() + " by " + currentDraft.author())
            + ", deployed v"
            + currentDeployedVersion);
    this.currentDraft = currentDraft;
    this.currentDeployedVersion = currentDeployedVersion;
  }

  /** The draft as it is now, or null when there is none. */
  public ModelDraft currentDraft() {
    return currentDraft;
  }

  /** The engine's latest version now (0: never deployed). */
  public int currentDeployedVersion() {
    return currentDeployedVersion;
  }
}
