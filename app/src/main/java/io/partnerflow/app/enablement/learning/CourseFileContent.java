package io.partnerflow.app.enablement.learning;

/** A module's file with its bytes, for an enrolled person's download. */
public record CourseFileContent(String fileName, String contentType, byte[] content) {}
