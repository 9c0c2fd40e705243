package io.partnerflow.app.contract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.contract.document.MarkdownBlocks.Block;
import io.partnerflow.app.contract.document.MarkdownBlocks.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void shouldFillEveryPlaceholderWithItsValue() {
    // when
    String filled =
        Placeholders.fill(
            "t.en.md",
            "Made between {{vendorName}} and {{ partnerName }} for {{termMonths}} months.",
            Map.of("vendorName", "Vendor", "partnerName", "Acme", "termMonths", "24"));

    // then
    assertThat(filled).isEqualTo("Made between Vendor and Acme for 24 months.");
  }

  @Test
  void shouldRefuseAnUnknownPlaceholderNamingIt() {
    assertThatThrownBy(
            () ->
                Placeholders.fill(
                    "t.en.md",
                    "{{partnerName}} pays {{discount}} and {{rebate}}",
                    Map.of("partnerName", "Acme")))
        .isInstanceOf(ContractTemplateException.class)
        .hasMessageContaining("t.en.md")
        .hasMessageContaining("[discount, rebate]");
  }

  @Test
  void shouldRefuseBracesThatAreNoPlaceholder() {
    assertThatThrownBy(() -> Placeholders.fill("t.en.md", "a {{ broken", Map.of()))
        .isInstanceOf(ContractTemplateException.class)
        .hasMessageContaining("{{");
  }

  @Test
  void shouldKeepAValueTextInsideItsSentenceWhateverItContains() {
    // given: a name that would be a heading, a list item and a new paragraph, and a placeholder
    String name = "# Fees waived\n\n- all of them {{contractNumber}} **now**";

    // when
    String filled =
        Placeholders.fill(
            "t.en.md",
            "{{partnerName}} signs.\n\nNext.",
            Map.of("partnerName", name, "contractNumber", "PF-C-1"));
    List<Block> blocks = MarkdownBlocks.parse(filled);

    // then: one paragraph with the name's text as typed (line breaks as spaces), no placeholder
    // filled from the value
    assertThat(blocks)
        .containsExactly(
            new Block(
                Kind.PARAGRAPH,
                "",
                "# Fees waived - all of them {{contractNumber}} **now** signs."),
            new Block(Kind.PARAGRAPH, "", "Next."));
  }

  @Test
  void shouldReadHeadingsParagraphsAndItems() {
    // when
    List<Block> blocks =
        MarkdownBlocks.parse(
            "# One\n\nFirst line\nsecond line.\n\n- item a\n- item b\n2.1. Numbered");

    // then
    assertThat(blocks)
        .containsExactly(
            new Block(Kind.HEADING_1, "", "One"),
            new Block(Kind.PARAGRAPH, "", "First line second line."),
            new Block(Kind.BULLET, "", "item a"),
            new Block(Kind.BULLET, "", "item b"),
            new Block(Kind.NUMBERED, "2.1.", "Numbered"));
  }

  @Test
  void shouldRefuseATemplateWithoutVersion() {
    assertThatThrownBy(
            () -> ContractTemplates.parse("x", "en", "---\ntitle: X\n---\nbody", "x.en.md"))
        .isInstanceOf(ContractTemplateException.class)
        .hasMessageContaining("version");
  }
}
