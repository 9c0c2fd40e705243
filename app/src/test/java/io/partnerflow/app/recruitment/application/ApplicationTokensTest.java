package io.partnerflow.app.recruitment.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationTokensTest {

  @Test
  void shouldGenerateDistinctUrlSafeTokensOf128Bits() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = ApplicationTokens.generate();
      assertThat(token).matches("^[A-Za-z0-9_-]{22}$");
      assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
      assertThat(ApplicationTokens.isWellFormed(token)).isTrue();
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void shouldRejectAnythingElseBeforeTheDatabaseIsAsked() {
    assertThat(ApplicationTokens.isWellFormed(null)).isFalse();
    assertThat(ApplicationTokens.isWellFormed("")).isFalse();
    assertThat(ApplicationTokens.isWellFormed("abc")).isFalse();
    assertThat(ApplicationTokens.isWellFormed("aaaaaaaaaaaaaaaaaaaaa/")).isFalse();
    assertThat(ApplicationTokens.isWellFormed("aaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
  }

  @Test
  void shouldHashAddressesWithoutKeepingThem() {
    AddressHasher hasher = new AddressHasher("secret", () -> new byte[32]);
    assertThat(hasher.hash("192.0.2.1")).hasSize(64).isEqualTo(hasher.hash("192.0.2.1"));
    assertThat(hasher.hash("192.0.2.1")).isNotEqualTo(hasher.hash("192.0.2.2"));
    assertThat(new AddressHasher("other", () -> new byte[32]).hash("192.0.2.1"))
        .isNotEqualTo(hasher.hash("192.0.2.1"));
  }
}
