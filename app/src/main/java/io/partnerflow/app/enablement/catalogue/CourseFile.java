package io.partnerflow.app.enablement.catalogue;

/** A file attached to a module (the content is read separately). */
public record CourseFile(
    long id, long moduleId, String fileName, String contentType, long sizeBytes) {}
