package io.partnerflow.engine.processing.migration;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.state.ElementInstanceRecord;

/** An active element instance and the element it runs in the source and in the target. */
record MigratedElement(
    ElementInstanceRecord instance, ExecutableElement source, ExecutableElement target) {}
