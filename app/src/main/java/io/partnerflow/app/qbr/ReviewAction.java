package io.partnerflow.app.qbr;

import java.time.Instant;
import java.time.LocalDate;

/** An action agreed in a quarterly review ({@code app.review_action}). */
public record ReviewAction(
    long id,
    long reviewId,
    String description,
    ActionOwner side,
    String ownerUsername,
    LocalDate dueDate,
    Instant doneAt) {}
