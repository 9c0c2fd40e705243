package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * POST /v2/user-tasks/search, body optional ({@link UserTaskSearchRequests}): the task list's
 * request, made on every refresh of every user's list. Through Spring Security's chain and Spring
 * MVC its framework work cost as much CPU as the search itself (engine/README.md, task list
 * benchmark), so it is served on the hot path like the process steps.
 */
@Component
class UserTaskSearchEndpoint implements HotEndpoint {

  private static final String PATH = "/v2/user-tasks/search";

  private final UserTaskResults results;
  private final ObjectReader reader;

  UserTaskSearchEndpoint(UserTaskResults results, ObjectMapper mapper) {
    this.results = results;
    this.reader = mapper.readerFor(JsonNode.class);
  }

  @Override
  public boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public CompletableFuture<Reply> handle(String path, byte[] body) throws IOException {
    JsonNode request = body.length == 0 ? null : reader.readTree(body);
    return Reply.ok(results.search(UserTaskSearchRequests.query(request)));
  }
}
