package io.partnerflow.app.qbr;

import java.time.LocalDate;

/**
 * An action the manager records in the scorecard.
 *
 * @param ownerUsername a user of the partner (side PARTNER) or a staff member (side STAFF)
 */
public record NewAction(
    String description, ActionOwner side, String ownerUsername, LocalDate dueDate) {}
