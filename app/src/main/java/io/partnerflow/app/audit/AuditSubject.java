package io.partnerflow.app.audit;

import java.util.List;
import java.util.Objects;

/**
 * What an entry is about; partnerId and processInstanceKey are optional links for "who decided
 * this?" (the audit view filters by them).
 *
 * @param type one of the {@code *_TYPE} constants (or another short lower-case word)
 * @param id the thing's identifier within its type
 */
public record AuditSubject(String type, String id, Long partnerId, Long processInstanceKey) {

  public static final String USER = "user";
  public static final String PARTNER = "partner";
  public static final String TASK = "task";
  public static final String PROCESS_INSTANCE = "process-instance";
  public static final String INCIDENT = "incident";
  public static final String VARIABLE = "variable";
  public static final String CONTRACT = "contract";
  public static final String MODEL = "model";
  public static final String QUIZ_ATTEMPT = "quiz-attempt";
  public static final String COURSE = "course";
  public static final String CERTIFICATION = "certification";
  public static final String BUSINESS_PLAN = "business-plan";

  /** The subject types the platform records, for filters. */
  public static final List<String> TYPES =
      List.of(
          USER,
          PARTNER,
          TASK,
          PROCESS_INSTANCE,
          INCIDENT,
          VARIABLE,
          CONTRACT,
          MODEL,
          COURSE,
          CERTIFICATION,
          QUIZ_ATTEMPT,
          BUSINESS_PLAN);

  public AuditSubject {
    if (type == null || type.isBlank() || type.length() > 40) {
      throw new IllegalArgumentException("An audit subject needs a type of 1 to 40 characters");
    }
    Objects.requireNonNull(id, "id");
    if (id.length() > 200) {
      // a typed username may be anything; keep the entry, not the excess
      id = id.substring(0, 200);
    }
  }

  /** A user account (also a login attempt: the username as typed). */
  public static AuditSubject user(String username) {
    return new AuditSubject(USER, username, null, null);
  }

  public static AuditSubject partner(long partnerId) {
    return new AuditSubject(PARTNER, Long.toString(partnerId), partnerId, null);
  }

  /** A user task; the partner and process instance are known links, each may be null. */
  public static AuditSubject task(long taskKey, Long partnerId, Long processInstanceKey) {
    return new AuditSubject(TASK, Long.toString(taskKey), partnerId, processInstanceKey);
  }

  public static AuditSubject processInstance(long processInstanceKey, Long partnerId) {
    return new AuditSubject(
        PROCESS_INSTANCE, Long.toString(processInstanceKey), partnerId, processInstanceKey);
  }

  public static AuditSubject incident(long incidentKey, Long processInstanceKey, Long partnerId) {
    return new AuditSubject(INCIDENT, Long.toString(incidentKey), partnerId, processInstanceKey);
  }

  /** A process variable by name, within its process instance. */
  public static AuditSubject variable(String name, long processInstanceKey, Long partnerId) {
    return new AuditSubject(VARIABLE, name, partnerId, processInstanceKey);
  }

  /** A version of a partner's joint business plan, by the version's id. */
  public static AuditSubject businessPlan(long versionId, long partnerId, Long processInstanceKey) {
    return new AuditSubject(BUSINESS_PLAN, Long.toString(versionId), partnerId, processInstanceKey);
  }

  public static AuditSubject contract(String contractId, Long partnerId, Long processInstanceKey) {
    return new AuditSubject(CONTRACT, contractId, partnerId, processInstanceKey);
  }

  /** A deployed model (BPMN process, DMN decision or form) by its id. */
  public static AuditSubject model(String modelId) {
    return new AuditSubject(MODEL, modelId, null, null);
  }

  /** A course of the enablement catalogue, by code. */
  public static AuditSubject course(String code) {
    return new AuditSubject(COURSE, code, null, null);
  }

  /** A certification of the enablement catalogue, by code. */
  public static AuditSubject certification(String code) {
    return new AuditSubject(CERTIFICATION, code, null, null);
  }
}
