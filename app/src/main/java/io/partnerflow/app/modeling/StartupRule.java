package io.partnerflow.app.modeling;

import java.util.Optional;

/**
 * Whether start-up deploys a file from {@code bpmn/} or {@code forms/}: a version deployed in the
 * browser is never silently replaced by the file. A file deploys while the app's newest deployment
 * of that model came from the files (or there is none; the engine keeps the version of unchanged
 * content). Once an operator deployed the model in the workspace, the file is left alone; when its
 * content differs from what the operator deployed, the workspace says so.
 */
final class StartupRule {

  /** What start-up does with one file. */
  enum Decision {
    /** deploy it (a new version only if its content changed) */
    DEPLOY,
    /** a console deployment is newest and has the file's content: nothing to do */
    IN_STEP,
    /** a console deployment is newest and differs from the file: keep it, show the difference */
    FILE_DIFFERS
  }

  private StartupRule() {}

  static Decision decide(String fileHash, Optional<ModelVersion> newest) {
    if (newest.isEmpty() || !newest.get().source().isConsole()) {
      return Decision.DEPLOY;
    }
    return newest.get().contentHash().equals(fileHash) ? Decision.IN_STEP : Decision.FILE_DIFFERS;
  }
}
