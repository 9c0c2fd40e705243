/**
 * The job workers of {@code partner-enablement.bpmn} and the spine's "Check whether training comes
 * first", and the completion of the course task when a course's quiz is finished.
 */
package io.partnerflow.app.enablement.learning.worker;
