package io.partnerflow.app.contract.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown a contract template uses: headings ({@code #}, {@code ##}, {@code ###}), paragraphs
 * (lines joined until a blank line), bullet items ({@code -}) and numbered items ({@code 1.}). Text
 * is returned unescaped, as printed.
 */
final class MarkdownBlocks {

  enum Kind {
    HEADING_1,
    HEADING_2,
    HEADING_3,
    PARAGRAPH,
    BULLET,
    NUMBERED
  }

  /** A block; {@code marker} is the number of a numbered item ("1."), else empty. */
  record Block(Kind kind, String marker, String text) {}

  private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
  private static final Pattern NUMBERED =
      Pattern.compile("^\\s*(\\d{1,3}(?:\\.\\d{1,3})*\\.)\\s+(.*)$");

  private MarkdownBlocks() {}

  static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    Kind open = null;
    String marker = "";
    StringBuilder text = new StringBuilder();
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      if (line.isBlank()) {
        flush(blocks, open, marker, text);
        open = null;
      } else if (heading.matches()) {
        flush(blocks, open, marker, text);
        open = null;
        Kind kind =
            switch (heading.group(1).length()) {
              case 1 -> Kind.HEADING_1;
              case 2 -> Kind.HEADING_2;
              default -> Kind.HEADING_3;
            };
        blocks.add(new Block(kind, "", MarkdownText.unescape(heading.group(2).trim())));
      } else if (bullet.matches()) {
        flush(blocks, open, marker, text);
        open = Kind.BULLET;
        marker = "";
        text.append(bullet.group(1).trim());
      } else if (numbered.matches()) {
        flush(blocks, open, marker, text);
        open = Kind.NUMBERED;
        marker = numbered.group(1);
        text.append(numbered.group(2).trim());
      } else {
        if (open == null) {
          open = Kind.PARAGRAPH;
          marker = "";
        }
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(line.trim());
      }
    }
    flush(blocks, open, marker, text);
    return blocks;
  }

  private static void flush(List<Block> blocks, Kind open, String marker, StringBuilder text) {
    if (open != null && text.length() > 0) {
      blocks.add(new Block(open, marker, MarkdownText.unescape(text.toString())));
    }
    text.setLength(0);
  }
}
