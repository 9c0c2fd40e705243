package io.partnerflow.app.contract.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The font of every contract PDF: Noto Sans SC (SIL Open Font License), which covers Latin and
 * Simplified Chinese. It is fetched at build time, never taken from the operating system, so a PDF
 * looks the same on every installation; each PDF embeds only the glyphs it uses (a subset).
 */
@Component
class ContractFont {

  private final String location;
  private volatile byte[] bytes;

  ContractFont(ContractDocumentProperties properties) {
    this.location = properties.font();
  }

  /** The font, loaded into that document as a subset to embed. */
  PDType0Font loadInto(PDDocument document) {
    try {
      // embed a subset, horizontal writing
      return PDType0Font.load(document, new RandomAccessReadBuffer(bytes()), true, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the contract font " + location, e);
    }
  }

  private byte[] bytes() {
    byte[] loaded = bytes;
    if (loaded == null) {
      Resource resource = new DefaultResourceLoader().getResource(location);
      if (!resource.exists()) {
        throw new IllegalStateException(
            "The contract font "
                + location
                + " is missing: the build fetches it (app/vendor), or set partnerflow.contracts.font");
      }
      try (InputStream in = resource.getInputStream()) {
        loaded = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the contract font " + location, e);
      }
      bytes = loaded;
    }
    return loaded;
  }
}
