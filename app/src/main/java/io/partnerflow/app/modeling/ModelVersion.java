package io.partnerflow.app.modeling;

import java.time.Instant;

/**
 * One deployment of a model by the app, with its content: the history the console lists, compares
 * and rolls back to.
 *
 * @param engineVersion the engine's version this deployment left as the latest
 */
public record ModelVersion(
    long id,
    ModelRef ref,
    int engineVersion,
    long engineKey,
    String content,
    String contentHash,
    Source source,
    String author,
    Instant deployedAt,
    String comment) {

  /** Who deployed it. */
  public enum Source {
    /** an operator in the model workspace */
    CONSOLE,
    /** an operator deploying an older version again */
    ROLLBACK,
    /** the app at start-up, from the {@code bpmn/} and {@code forms/} files */
    STARTUP;

    boolean isConsole() {
      return this != STARTUP;
    }
  }
}
