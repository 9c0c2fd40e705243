package io.partnerflow.app.qbr;

/** Someone an agreed action may be given to: a user of the partner or a partner manager. */
public record OwnerChoice(ActionOwner side, String username, String displayName) {}
