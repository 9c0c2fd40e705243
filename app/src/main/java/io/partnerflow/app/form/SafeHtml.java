package io.partnerflow.app.form;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The markup of an {@code html} form component, cleaned by the OWASP Java HTML Sanitizer: text
 * formatting, lists, tables, headings and links (http, https, mailto and same-site paths) stay;
 * scripts, styles, event handlers, forms, frames and {@code javascript:} URLs go. A form's author
 * and a variable's value are both untrusted here.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .requireRelsOnLinks("noopener", "noreferrer")
                  .toFactory())
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("ul", "ol", "li", "br", "hr", "span", "div")
                  .toFactory());

  private SafeHtml() {}

  public static String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html);
  }
}
