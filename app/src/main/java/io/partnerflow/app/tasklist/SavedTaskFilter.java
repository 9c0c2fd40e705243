package io.partnerflow.app.tasklist;

/** A filter a user saved under a name; {@code query} is the list's URL query string. */
public record SavedTaskFilter(long id, String name, String query) {

  public TaskQuery taskQuery() {
    return TaskQueryParameters.fromQueryString(query);
  }
}
