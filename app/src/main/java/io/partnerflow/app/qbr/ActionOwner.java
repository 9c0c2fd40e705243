package io.partnerflow.app.qbr;

/** Which side owns an agreed action: a partner user (portal) or a staff member (task list). */
public enum ActionOwner {
  PARTNER,
  STAFF
}
