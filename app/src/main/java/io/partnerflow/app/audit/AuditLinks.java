package io.partnerflow.app.audit;

/** Where the audit view lies, for pages that link to "who did this?" (e.g. partner, instance). */
public final class AuditLinks {

  /** The audit view's route. */
  public static final String ROUTE = "operations/audit";

  private AuditLinks() {}

  /** The audit view filtered by a partner. */
  public static String forPartner(long partnerId) {
    return ROUTE + "?partner=" + partnerId;
  }

  /** The audit view filtered by a process instance. */
  public static String forInstance(long processInstanceKey) {
    return ROUTE + "?instance=" + processInstanceKey;
  }
}
