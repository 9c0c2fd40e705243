package io.partnerflow.app.enablement.certification.document;

import com.vaadin.flow.i18n.I18NProvider;
import io.partnerflow.app.enablement.certification.Certificate;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * A certificate as a one-page PDF (A4 landscape) in English or Chinese: holder, certification,
 * issue and expiry dates, verification code and the public address that confirms it. Rendered with
 * Apache PDFBox and the Noto Sans SC font the build fetches, the way contract documents are (the
 * same font setting, {@code partnerflow.contracts.font}), embedded as a subset. Rendered at each
 * download from the stored certificate: nothing of it is kept as a file.
 */
@Component
public class CertificatePdf {

  private static final float WIDTH = PDRectangle.A4.getHeight();
  private static final float HEIGHT = PDRectangle.A4.getWidth();
  private static final Color INK = new Color(0x1f, 0x2a, 0x44);
  private static final Color ACCENT = new Color(0x1a, 0x6f, 0xb5);
  private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);

  private final I18NProvider messages;
  private final String fontLocation;
  private final String publicUrl;
  private volatile byte[] fontBytes;

  CertificatePdf(
      I18NProvider messages,
      @Value(
              "${partnerflow.contracts.font:classpath:fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf}")
          String fontLocation,
      @Value("${partnerflow.recruitment.public-url:http://localhost:8080}") String publicUrl) {
    this.messages = messages;
    this.fontLocation = fontLocation;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The address of the public page that confirms the certificate. */
  public String verificationUrl(Certificate certificate) {
    return publicUrl + "/verify/" + certificate.verificationCode();
  }

  /** Where the holder (and staff) download it: {@code /certificates/<id>?language=en|zh}. */
  public static String downloadPath(long certificateId, Locale locale) {
    return "/certificates/" + certificateId + "?language=" + (isChinese(locale) ? "zh" : "en");
  }

  /** The file name of the download, e.g. {@code certificate-sales-professional-en.pdf}. */
  public static String fileName(Certificate certificate, Locale locale) {
    return "certificate-"
        + certificate.certificationCode()
        + "-"
        + (isChinese(locale) ? "zh" : "en")
        + ".pdf";
  }

  /** The certificate in the language of the locale (Chinese for zh, English otherwise). */
  public byte[] render(Certificate certificate, Locale requested) {
    Locale locale = isChinese(requested) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    try (PDDocument document = new PDDocument()) {
      PDType0Font font =
          PDType0Font.load(document, new RandomAccessReadBuffer(fontBytes()), true, false);
      PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
      document.addPage(page);
      Printable printable = new Printable(font);
      String certification =
          isChinese(locale) ? certificate.certificationNameZh() : certificate.certificationNameEn();
      try (PDPageContentStream out = new PDPageContentStream(document, page)) {
        frame(out);
        float y = HEIGHT - 120;
        centred(out, font, printable.of(text(locale, "certification.pdf.brand")), 13, MUTED, y);
        y -= 52;
        centred(out, font, printable.of(text(locale, "certification.pdf.title")), 34, INK, y);
        y -= 48;
        centred(out, font, printable.of(text(locale, "certification.pdf.certifies")), 13, MUTED, y);
        y -= 42;
        centred(out, font, printable.of(certificate.holderName()), 26, ACCENT, y);
        y -= 38;
        centred(out, font, printable.of(text(locale, "certification.pdf.earned")), 13, MUTED, y);
        y -= 36;
        centred(out, font, printable.of(certification), 20, INK, y);
        y -= 56;
        String period =
            text(locale, "certification.pdf.issued", date(certificate.issuedAt(), locale))
                + "      "
                + text(locale, "certification.pdf.expires", date(certificate.expiresAt(), locale));
        centred(out, font, printable.of(period), 12, INK, y);
        y -= 44;
        centred(
            out,
            font,
            printable.of(
                text(locale, "certification.pdf.code", grouped(certificate.verificationCode()))),
            12,
            INK,
            y);
        y -= 22;
        centred(
            out,
            font,
            printable.of(text(locale, "certification.pdf.verifyAt", verificationUrl(certificate))),
            10,
            MUTED,
            y);
      }
      describe(document, certificate, certification);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render certificate " + certificate.id(), e);
    }
  }

  private static void frame(PDPageContentStream out) throws IOException {
    out.setStrokingColor(ACCENT);
    out.setLineWidth(3);
    out.addRect(28, 28, WIDTH - 56, HEIGHT - 56);
    out.stroke();
    out.setLineWidth(0.8f);
    out.addRect(38, 38, WIDTH - 76, HEIGHT - 76);
    out.stroke();
  }

  private static void centred(
      PDPageContentStream out, PDType0Font font, String text, float size, Color color, float y)
      throws IOException {
    float width = font.getStringWidth(text) / 1000 * size;
    out.beginText();
    out.setNonStrokingColor(color);
    out.setFont(font, size);
    out.newLineAtOffset((WIDTH - width) / 2, y);
    out.showText(text);
    out.endText();
  }

  private static void describe(PDDocument document, Certificate certificate, String name) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(name + " — " + certificate.holderName());
    info.setCreator("Partnerflow");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    created.setTimeInMillis(certificate.issuedAt().toEpochMilli());
    info.setCreationDate(created);
  }

  /** The code in groups of four or five, as people read it back from paper. */
  static String grouped(String code) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      if (i > 0 && i % 5 == 0 && code.length() - i > 1) {
        out.append('-');
      }
      out.append(code.charAt(i));
    }
    return out.toString();
  }

  private String text(Locale locale, String key, Object... params) {
    return messages.getTranslation(key, locale, params);
  }

  private static String date(Instant instant, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .format(instant.atZone(ZoneOffset.UTC));
  }

  private static boolean isChinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }

  private byte[] fontBytes() {
    byte[] loaded = fontBytes;
    if (loaded == null) {
      Resource resource = new DefaultResourceLoader().getResource(fontLocation);
      try (InputStream in = resource.getInputStream()) {
        loaded = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the certificate font " + fontLocation, e);
      }
      fontBytes = loaded;
    }
    return loaded;
  }

  /** Characters the font lacks (emoji, control characters) print as '?', never fail the PDF. */
  private static final class Printable {

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    Printable(PDType0Font font) {
      this.font = font;
    }

    String of(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                if (Character.isISOControl(cp) || !hasGlyph(cp)) {
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
}
