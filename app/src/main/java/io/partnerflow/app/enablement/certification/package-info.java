/**
 * Certification of people (issue #12, item 7): certificates ({@code app.certificate}) issued when a
 * partner user passes a certification's exam, renewed or lapsed by {@code bpmn/certification.bpmn};
 * the certificate PDF; the public verification page {@code /verify/{code}}.
 *
 * <p>Depends on {@code enablement.catalogue} (certifications) and {@code enablement.learning}
 * (passed courses, exam attempts); nothing depends on it but through {@code tier.CertifiedPeople}.
 */
package io.partnerflow.app.enablement.certification;
