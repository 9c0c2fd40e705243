/**
 * Onboarding: the spine process (bpmn/partner-onboarding.bpmn) that carries an approved partner to
 * active, one call activity per journey, and the partner status that follows it.
 */
package io.partnerflow.app.onboarding;
