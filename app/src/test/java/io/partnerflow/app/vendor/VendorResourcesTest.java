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
    List<String> packages = new ArrayList<>();
    Matcher entry = ENTRY.matcher(Files.readString(Path.of("vendor/vendor.lock")));
    while (entry.find()) {
      packages.add("META-INF/resources/vendor/" + entry.group(1) + "/" + entry.group(2) + "/");
    }

    assertThat(packages).hasSizeGreaterThanOrEqualTo(5);
    assertThat(packages)
        .allSatisfy(
            dir ->
                assertThat(new ClassPathResource(dir + "LICENSE").exists())
                    .as(dir + "LICENSE")
                    .isTrue());
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
}
