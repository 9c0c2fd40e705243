package io.partnerflow.app.contract.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A contract PDF's pages as PNG images, for showing the document in the page. Rendered on the
 * server with PDFBox (the library the documents are made with), so the page needs no PDF viewer in
 * the browser and no framing: the content security policy keeps forbidding frames.
 */
final class DocumentPages {

  /** Enough for a partner agreement with its evidence page; more pages are in the download. */
  static final int MAX_PAGES = 40;

  private static final float DPI = 110;

  private DocumentPages() {}

  static List<byte[]> render(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      int pages = Math.min(document.getNumberOfPages(), MAX_PAGES);
      List<byte[]> images = new ArrayList<>(pages);
      for (int page = 0; page < pages; page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        images.add(png.toByteArray());
      }
      return images;
    } catch (IOException e) {
      throw new UncheckedIOException("The contract document cannot be shown", e);
    }
  }
}
