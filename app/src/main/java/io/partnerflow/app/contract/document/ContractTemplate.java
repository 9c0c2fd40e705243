package io.partnerflow.app.contract.document;

/**
 * One contract template in one language, as read from its Markdown file.
 *
 * @param version the template's own version (front matter), recorded with every document made
 * @param title the agreement's title (front matter), shown in the PDF's title block
 * @param body Markdown with {@code {{placeholders}}}
 */
public record ContractTemplate(
    String id, String language, String version, String title, String body) {}
