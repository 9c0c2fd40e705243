package io.partnerflow.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of what people (and the platform's workers) did: who, when, from where,
 * what, and the state before and after.
 *
 * <p>An entry is written in the caller's transaction: when the business change rolls back, so does
 * its entry, and when the entry cannot be written the change fails too — there is no change without
 * an entry. Outside a transaction (e.g. a login) the entry is committed at once.
 *
 * <p>Anybody may record (a failed login has no user yet); only administrators may read.
 */
@Service
public class AuditLog {

  private static final String ADMIN = "ROLE_ADMIN";
  private static final int MAX_PAGE = 500;

  private final AuditRepository repository;
  private final ObjectMapper json;
  private final Clock clock;

  AuditLog(AuditRepository repository, ObjectMapper json, Clock clock) {
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records who (current user, or "system" for workers), when (injected Clock), from where (client
   * address of the current request if any), what, before and after (any JSON-serialisable values;
   * null allowed).
   */
  public void record(AuditAction action, AuditSubject subject, Object before, Object after) {
    recordAs(AuditOrigin.actor(), AuditOrigin.clientAddress(), action, subject, before, after);
  }

  /** For events whose actor is not the thread's user, e.g. a login attempt. */
  void recordAs(
      String actor,
      String clientAddress,
      AuditAction action,
      AuditSubject subject,
      Object before,
      Object after) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    repository.insert(
        clock.instant(), actor, clientAddress, action, subject, toJson(before), toJson(after));
  }

  /** One page of the matching entries, newest first. */
  @Secured(ADMIN)
  @Transactional(readOnly = true)
  public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
    return repository.find(filter, Math.max(0, offset), Math.max(0, Math.min(limit, MAX_PAGE)));
  }

  /** The number of matching entries. */
  @Secured(ADMIN)
  @Transactional(readOnly = true)
  public long count(AuditFilter filter) {
    return repository.count(filter);
  }

  /**
   * What was done with one task, newest first (its history on the task page). Staff read it: the
   * caller shows it only to who may work the task.
   */
  @Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT"})
  @Transactional(readOnly = true)
  public List<AuditEntry> ofTask(long taskKey) {
    return repository.find(
        AuditFilter.all().withSubject(AuditSubject.TASK, String.valueOf(taskKey)), 0, MAX_PAGE);
  }

  /** Every matching entry, newest first, streamed one at a time (for exports of any size). */
  @Secured(ADMIN)
  @Transactional(readOnly = true)
  public void export(AuditFilter filter, Consumer<AuditEntry> each) {
    repository.forEach(filter, each);
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot record a " + value.getClass().getSimpleName() + " in the audit log", e);
    }
  }
}
