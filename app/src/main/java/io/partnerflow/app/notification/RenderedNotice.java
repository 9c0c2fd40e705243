package io.partnerflow.app.notification;

/**
 * A template filled in.
 *
 * @param subject plain text, one line
 * @param htmlBody HTML with every parameter escaped
 */
public record RenderedNotice(String subject, String htmlBody) {}
