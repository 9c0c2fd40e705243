package io.partnerflow.engine.api;

import java.io.IOException;

/** Thrown by the request stream of {@link RequestBodyLimitFilter} past the limit; answered 413. */
final class BodyTooLargeException extends IOException {

  BodyTooLargeException(long limit) {
    super("Expected a request body of at most %d bytes".formatted(limit));
  }

  /** Whether a reader's failure was caused by the body limit. */
  static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
