package io.partnerflow.app.recruitment.application;

/**
 * The answer to a submission.
 *
 * @param statusPath the status page, relative to the platform: {@code apply/status/<token>}
 * @param statusLink the same page as an absolute link (as in the e-mail)
 */
public record ApplicationReceipt(String statusPath, String statusLink) {}
