package io.partnerflow.app.enablement.learning;

/** A file of a module, without its bytes. */
public record CourseFileRef(
    long id, long moduleId, String fileName, String contentType, long size) {}
