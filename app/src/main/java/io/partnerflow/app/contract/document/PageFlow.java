package io.partnerflow.app.contract.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out on A4 pages of a document: wraps lines at spaces (and between any two Chinese
 * characters, never before closing punctuation), starts a new page when one is full, and keeps a
 * heading with the line after it. The caller closes the flow before saving the document.
 */
final class PageFlow implements AutoCloseable {

  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN = 56;
  static final float BOTTOM = 64;
  static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

  private static final String CLOSING = "，。、；：？！）》」』】,.;:?!)%";

  private final PDDocument document;
  private final PDType0Font font;
  private final List<PDPage> pages = new ArrayList<>();
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private PDPageContentStream stream;
  private float y;

  PageFlow(PDDocument document, PDType0Font font) {
    this.document = document;
    this.font = font;
  }

  /** The pages this flow added, in order. */
  List<PDPage> pages() {
    return List.copyOf(pages);
  }

  /** Text wrapped to the width, at that size; {@code indent} shifts it right. */
  void text(String text, float size, float indent, float spaceBefore) {
    float leading = size * 1.45f;
    List<String> lines = wrap(printable(text), size, WIDTH - indent);
    space(spaceBefore, leading);
    for (String line : lines) {
      ensure(leading);
      show(line, size, MARGIN + indent, y - size);
      y -= leading;
    }
  }

  /** A heading: never alone at the foot of a page. */
  void heading(String text, float size, float spaceBefore) {
    float leading = size * 1.45f;
    List<String> lines = wrap(printable(text), size, WIDTH);
    space(spaceBefore, leading);
    ensure(leading * lines.size() + 2 * 10.5f * 1.45f);
    for (String line : lines) {
      show(line, size, MARGIN, y - size);
      y -= leading;
    }
  }

  /** A list item: the marker in the margin, the text indented beside it. */
  void item(String marker, String text, float size, float spaceBefore) {
    float indent = marker.length() > 2 ? 26 : 16;
    float leading = size * 1.45f;
    List<String> lines = wrap(printable(text), size, WIDTH - indent);
    space(spaceBefore, leading);
    for (int i = 0; i < lines.size(); i++) {
      ensure(leading);
      if (i == 0) {
        show(printable(marker), size, MARGIN, y - size);
      }
      show(lines.get(i), size, MARGIN + indent, y - size);
      y -= leading;
    }
  }

  /** A thin horizontal line across the text width. */
  void rule(float spaceBefore) {
    ensure(spaceBefore + 4);
    y -= spaceBefore;
    try {
      stream.setLineWidth(0.5f);
      stream.moveTo(MARGIN, y);
      stream.lineTo(MARGIN + WIDTH, y);
      stream.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 4;
  }

  /** Starts a new page, even when the current one has room. */
  void newPage() {
    closeStream();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    pages.add(page);
    try {
      stream = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = PAGE.getHeight() - MARGIN;
  }

  /** Writes one line at a fixed place of a page (e.g. a footer), outside the flow. */
  void stamp(PDPage page, String text, float size, float x, float atY, boolean alignRight) {
    String line = printable(text);
    try (PDPageContentStream footer =
        new PDPageContentStream(
            document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
      float left = alignRight ? x - width(line, size) : x;
      footer.beginText();
      footer.setFont(font, size);
      footer.newLineAtOffset(left, atY);
      footer.showText(line);
      footer.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closeStream();
  }

  private void space(float spaceBefore, float leading) {
    if (stream == null) {
      newPage();
    } else if (y < PAGE.getHeight() - MARGIN) {
      y -= spaceBefore;
    }
    ensure(leading);
  }

  private void ensure(float height) {
    if (stream == null || y - height < BOTTOM) {
      newPage();
    }
  }

  private void show(String line, float size, float x, float baseline) {
    try {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, baseline);
      stream.showText(line);
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeStream() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      stream = null;
    }
  }

  /** Greedy line breaking over words, single CJK characters and spaces. */
  List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String token : tokens(text)) {
      if (line.length() == 0 && token.isBlank()) {
        continue;
      }
      String candidate = line + token;
      if (width(candidate.stripTrailing(), size) <= width) {
        line.append(token);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
      }
      if (token.isBlank()) {
        continue;
      }
      // a word wider than the line is cut by characters
      for (int offset = 0; offset < token.length(); ) {
        int cp = token.codePointAt(offset);
        String next = line + new String(Character.toChars(cp));
        if (line.length() > 0 && width(next, size) > width) {
          lines.add(line.toString());
          line.setLength(0);
        } else {
          line.setLength(0);
          line.append(next);
          offset += Character.charCount(cp);
        }
      }
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String c = new String(Character.toChars(cp));
              if (cp == ' ') {
                flushWord(tokens, word);
                tokens.add(" ");
              } else if (CLOSING.contains(c) && word.length() == 0 && !tokens.isEmpty()) {
                // closing punctuation stays with what it closes
                int last = tokens.size() - 1;
                tokens.set(last, tokens.get(last) + c);
              } else if (isWide(cp)) {
                flushWord(tokens, word);
                tokens.add(c);
              } else {
                word.append(c);
              }
            });
    flushWord(tokens, word);
    return tokens;
  }

  private static void flushWord(List<String> tokens, StringBuilder word) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isWide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  float width(String text, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Characters the font lacks (emoji, control characters) print as '?', never fail the PDF. */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t' || cp == '\u00A0') {
                out.append(' ');
              } else if (Character.isISOControl(cp) || !hasGlyph(cp)) {
                out.append('?');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  private boolean hasGlyph(int cp) {
    return glyphs.computeIfAbsent(
        cp,
        key -> {
          try {
            font.encode(new String(Character.toChars(key)));
            return true;
          } catch (IllegalArgumentException | IOException e) {
            return false;
          }
        });
  }
}
