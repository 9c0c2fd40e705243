package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * An endpoint that {@link HotPathFilter} serves without Spring MVC: a POST with a JSON body,
 * answered at once or, for a held request, when its future completes. An {@code EngineException}
 * (thrown or in the future) becomes a problem detail; so does a body Jackson cannot read.
 */
interface HotEndpoint {

  /** Whether this endpoint owns the path (its only method is POST). */
  boolean serves(String path);

  CompletableFuture<Reply> handle(String path, byte[] body) throws IOException;

  /** The body of a request that needs one; a 400 naming what was expected otherwise. */
  static byte[] required(byte[] body, String expected) {
    if (body.length == 0) {
      throw EngineException.invalid("Expected %s as body, but none given".formatted(expected));
    }
    return body;
  }

  /** Status and body (null: none) of an answer. */
  record Reply(int status, Object body) {

    static final CompletableFuture<Reply> NO_CONTENT =
        CompletableFuture.completedFuture(new Reply(204, null));

    static CompletableFuture<Reply> ok(Object body) {
      return CompletableFuture.completedFuture(new Reply(200, body));
    }
  }
}
