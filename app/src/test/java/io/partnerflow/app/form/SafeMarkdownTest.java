package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

  @Test
  void shouldRenderHeadingsParagraphsListsAndInlineMarkup() {
    // when
    String html =
        SafeMarkdown.toHtml(
            "# Apply\nTell us **who** you are, *briefly*.\n\n- one\n- `two`\n\n1. first");

    // then
    assertThat(html)
        .isEqualTo(
            "<div><h3>Apply</h3><p>Tell us <strong>who</strong> you are, <em>briefly</em>.</p>"
                + "<ul><li>one</li><li><code>two</code></li></ul><ol><li>first</li></ol></div>");
  }

  @Test
  void shouldShowRawHtmlAsTextNeverAsMarkup() {
    // when
    String html = SafeMarkdown.toHtml("<script>alert('x')</script> <img src=x onerror=alert(1)>");

    // then
    assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;", "&lt;img");
  }

  @Test
  void shouldLinkOnlyToSafeTargets() {
    // when
    String safe = SafeMarkdown.toHtml("[terms](https://example.com/terms?a=1&b=2)");
    String unsafe = SafeMarkdown.toHtml("[click](javascript:alert(1))");

    // then
    assertThat(safe)
        .contains(
            "<a href=\"https://example.com/terms?a=1&amp;b=2\" rel=\"noopener noreferrer\">terms</a>");
    assertThat(unsafe).doesNotContain("<a ", "href").contains("click");
  }

  @Test
  void shouldStripMarkupForPlainText() {
    assertThat(SafeMarkdown.toPlainText("## Hello **there** [site](https://x.y)"))
        .isEqualTo("Hello there site");
  }
}
