package io.partnerflow.app.base.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A module file's type comes from its bytes; whatever could run in a browser is refused. */
class FileTypesTest {

  @Test
  void shouldRecogniseDocumentsAndImagesByTheirContent() {
    assertThat(FileTypes.sniff("guide.bin", bytes("%PDF-1.7\n..."))).contains("application/pdf");
    assertThat(
            FileTypes.sniff(
                "logo", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
        .contains("image/png");
    assertThat(FileTypes.sniff("slides.pptx", new byte[] {'P', 'K', 3, 4, 0}))
        .contains("application/vnd.openxmlformats-officedocument.presentationml.presentation");
    assertThat(FileTypes.sniff("notes.md", bytes("# Notes\n中文也可以"))).contains("text/plain");
  }

  @Test
  void shouldRefuseHtmlScriptsExecutablesAndPlainArchives() {
    assertThat(FileTypes.sniff("page.txt", bytes("<html><script>alert(1)</script>"))).isEmpty();
    assertThat(FileTypes.sniff("image.svg", bytes("<svg onload=alert(1)>"))).isEmpty();
    assertThat(FileTypes.sniff("setup.exe", new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    assertThat(FileTypes.sniff("bundle.zip", new byte[] {'P', 'K', 3, 4, 0})).isEmpty();
    assertThat(FileTypes.sniff("run.sh", bytes("#!/bin/sh\nrm -rf /"))).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
