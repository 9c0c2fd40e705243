package io.partnerflow.app.dashboard;

/**
 * Open user tasks past their due date, as the engine knows them.
 *
 * @param reviews application reviews of the partner managers
 * @param signatures the partner's signature and legal's countersignature of agreements
 */
public record SlaBreaches(long reviews, long signatures) {}
