/**
 * Partner tiers that follow the rules: the requirements per tier ({@code
 * bpmn/tier-requirements.dmn}), the review process ({@code bpmn/tier-review.bpmn}) with upgrades
 * applied at once and downgrades after a grace period, and each partner's progress towards every
 * tier.
 *
 * <p>Certificates are read only through {@link io.partnerflow.app.tier.CertifiedPeople}, which the
 * certification feature implements.
 */
package io.partnerflow.app.tier;
