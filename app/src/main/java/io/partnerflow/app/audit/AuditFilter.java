package io.partnerflow.app.audit;

import java.time.Instant;

/**
 * Which audit entries to read; every null criterion matches everything.
 *
 * @param from first moment included
 * @param to first moment excluded
 */
public record AuditFilter(
    String actor,
    AuditAction action,
    String subjectType,
    String subjectId,
    Long partnerId,
    Long processInstanceKey,
    Instant from,
    Instant to) {

  public static AuditFilter all() {
    return new AuditFilter(null, null, null, null, null, null, null, null);
  }

  public AuditFilter withActor(String value) {
    return new AuditFilter(
        blankToNull(value),
        action,
        subjectType,
        subjectId,
        partnerId,
        processInstanceKey,
        from,
        to);
  }

  public AuditFilter withAction(AuditAction value) {
    return new AuditFilter(
        actor, value, subjectType, subjectId, partnerId, processInstanceKey, from, to);
  }

  public AuditFilter withSubject(String type, String id) {
    return new AuditFilter(
        actor, action, blankToNull(type), blankToNull(id), partnerId, processInstanceKey, from, to);
  }

  public AuditFilter withPartner(Long value) {
    return new AuditFilter(
        actor, action, subjectType, subjectId, value, processInstanceKey, from, to);
  }

  public AuditFilter withProcessInstance(Long value) {
    return new AuditFilter(actor, action, subjectType, subjectId, partnerId, value, from, to);
  }

  public AuditFilter withPeriod(Instant fromIncluded, Instant toExcluded) {
    return new AuditFilter(
        actor,
        action,
        subjectType,
        subjectId,
        partnerId,
        processInstanceKey,
        fromIncluded,
        toExcluded);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
