package io.partnerflow.app.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

/**
 * What the build fetched is on the classpath with its licence, and served to logged-in users only.
 */
@PartnerflowTest
class VendorResourcesTest {

  private static final Pattern ENTRY = Pattern.compile("(?m)^\\[(.+)@([^@\\]]+)]\\s*$");

  @Value("${local.server.port}")
  int port;

  @Test
  void shouldPutEveryPackageOfTheLockWithItsLicenceOnTheClasspath() throws Exception {
    // each entry's licence file: LICENSE under the served directory, unless the entry names its
    // own target (e.g. a font kept off the web) or licence file
    List<String> licences = new ArrayList<>();
    String lock = Files.readString(Path.of("vendor/vendor.lock"));
    Matcher entry = ENTRY.matcher(lock);
    while (entry.find()) {
      int next = lock.indexOf("\n[", entry.end());
      String block = lock.substring(entry.end(), next < 0 ? lock.length() : next);
      String dir =
          setting(block, "target")
              .map(
                  target ->
                      target
                              .replace("{package}", entry.group(1))
                              .replace("{version}", entry.group(2))
                          + "/")
              .orElse("META-INF/resources/vendor/" + entry.group(1) + "/" + entry.group(2) + "/");
      licences.add(dir + setting(block, "license").orElse("LICENSE"));
    }

    assertThat(licences).hasSizeGreaterThanOrEqualTo(5);
    assertThat(licences)
        .allSatisfy(
            licence -> assertThat(new ClassPathResource(licence).exists()).as(licence).isTrue());
    assertThat(
            new ClassPathResource(
                    "META-INF/resources/vendor/camunda-bpmn-js/5.35.0/dist/"
                        + "camunda-cloud-modeler.production.min.js")
                .exists())
        .isTrue();
  }

  @Test
  void shouldNotServeTheLibrariesToAnonymousVisitors() throws Exception {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/vendor/camunda-bpmn-js/5.35.0/dist/"
                                + "camunda-cloud-modeler.production.min.js"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  private static Optional<String> setting(String block, String name) {
    Matcher line = Pattern.compile("(?m)^" + name + "\\s*=\\s*(\\S+)\\s*$").matcher(block);
    return line.find() ? Optional.of(line.group(1)) : Optional.empty();
  }
}
