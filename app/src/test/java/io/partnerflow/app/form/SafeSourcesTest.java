package io.partnerflow.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeSourcesTest {

  @Test
  void shouldAllowOnlyEmbeddedRasterImagesAndPathsOnThisSite() {
    assertThat(SafeSources.isSafeImage("/img/logo.png")).isTrue();
    assertThat(SafeSources.isSafeImage("data:image/jpeg;base64,/9j/4AAQ")).isTrue();
    assertThat(SafeSources.isSafeImage("https://cdn.example/logo.png")).isFalse();
    assertThat(SafeSources.isSafeImage("//cdn.example/logo.png")).isFalse();
    assertThat(SafeSources.isSafeImage("/\\cdn.example/logo.png")).isFalse();
    assertThat(SafeSources.isSafeImage("data:image/svg+xml;base64,PHN2Zz4=")).isFalse();
    assertThat(SafeSources.isSafeImage("javascript:alert(1)")).isFalse();
    assertThat(SafeSources.isSafeImage("logo.png")).isFalse();
  }

  @Test
  void shouldFrameOnlyHttpsUrlsOfListedHosts() {
    List<String> hosts = List.of("maps.example.com");
    assertThat(SafeSources.allowedFrameHost("https://maps.example.com/embed?q=1", hosts))
        .contains("maps.example.com");
    assertThat(SafeSources.allowedFrameHost("https://MAPS.example.com/", hosts)).isPresent();
    assertThat(SafeSources.allowedFrameHost("http://maps.example.com/", hosts)).isEmpty();
    assertThat(SafeSources.allowedFrameHost("https://maps.example.com.evil.io/", hosts)).isEmpty();
    assertThat(SafeSources.allowedFrameHost("https://evil.io/?maps.example.com", hosts)).isEmpty();
    assertThat(SafeSources.allowedFrameHost("https://maps.example.com@evil.io/", hosts)).isEmpty();
    assertThat(SafeSources.allowedFrameHost("javascript:alert(1)", hosts)).isEmpty();
    assertThat(SafeSources.allowedFrameHost("https://maps.example.com/", List.of())).isEmpty();
  }
}
