package io.partnerflow.app.enablement.catalogue;

/** Where a course version stands. Only a draft may be edited. */
public enum CourseStatus {
  /** Being edited; seen only by the enablement team. */
  DRAFT,
  /** The version new enrolments get; never changed again. */
  PUBLISHED,
  /** Replaced by a newer published version; people enrolled on it keep it. */
  RETIRED
}
