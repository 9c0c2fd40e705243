package io.partnerflow.app.tasklist;

import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The current staff member's saved task list filters. Every call works on the logged-in user's own
 * filters: nobody lists, opens or deletes another's.
 */
@Service
@Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT"})
public class SavedTaskFilters {

  static final int MAX_NAME_LENGTH = 80;
  static final int MAX_PER_USER = 20;

  private final SavedTaskFilterRepository repository;
  private final CurrentUser currentUser;
  private final Clock clock;

  SavedTaskFilters(SavedTaskFilterRepository repository, CurrentUser currentUser, Clock clock) {
    this.repository = repository;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public List<SavedTaskFilter> mine() {
    return repository.of(user().id());
  }

  public Optional<SavedTaskFilter> named(String name) {
    return mine().stream().filter(filter -> filter.name().equals(name)).findFirst();
  }

  /**
   * Saves the filter under the name, replacing one of the same name.
   *
   * @throws TaskFilterException {@code tasklist.savedFilter.error.name} for a blank or too long
   *     name, {@code tasklist.savedFilter.error.tooMany} beyond {@value #MAX_PER_USER} filters
   */
  public SavedTaskFilter save(String name, TaskQuery query) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      throw new TaskFilterException("tasklist.savedFilter.error.name");
    }
    long userId = user().id();
    if (named(trimmed).isEmpty() && repository.countOf(userId) >= MAX_PER_USER) {
      throw new TaskFilterException("tasklist.savedFilter.error.tooMany");
    }
    repository.save(userId, trimmed, TaskQueryParameters.toQueryString(query), clock.instant());
    return named(trimmed).orElseThrow();
  }

  public void delete(long id) {
    repository.delete(user().id(), id);
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }
}
