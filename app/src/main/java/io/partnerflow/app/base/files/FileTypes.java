package io.partnerflow.app.base.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What an uploaded file (a course module's, a form's) really is, from its first bytes (never from
 * the name or the browser's claim): PDF, PNG, JPEG, GIF, WebP, MP4, Office documents (OOXML, a zip)
 * and UTF-8 text. Everything else — executables, HTML, SVG, scripts — is refused, so a download
 * cannot run in a partner's browser.
 */
public final class FileTypes {

  private FileTypes() {}

  /** The content type to store and serve, or empty when the file is of a refused kind. */
  public static Optional<String> sniff(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of("image/png");
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("image/gif");
    }
    if (content.length >= 12
        && startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return Optional.of("image/webp");
    }
    if (content.length >= 12
        && new String(content, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
      return Optional.of("video/mp4");
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return office(name);
    }
    if (isText(content)
        && (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".csv"))) {
      return Optional.of(name.endsWith(".csv") ? "text/csv" : "text/plain");
    }
    return Optional.empty();
  }

  /** A zip is accepted only as an Office document, by its name. */
  private static Optional<String> office(String name) {
    if (name.endsWith(".docx")) {
      return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
    if (name.endsWith(".xlsx")) {
      return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
    if (name.endsWith(".pptx")) {
      return Optional.of(
          "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    }
    return Optional.empty();
  }

  private static boolean isText(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return false;
      }
    }
    String start =
        new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    if (start.startsWith("<")) {
      // HTML, SVG or XML under a text name
      return false;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
