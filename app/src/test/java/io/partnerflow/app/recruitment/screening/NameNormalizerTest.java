package io.partnerflow.app.recruitment.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Déjà Vu Logistics S.A.|deja vu logistics",
        "DEJA VU LOGISTICS|deja vu logistics",
        "Acme Weapons Trading Ltd.|acme weapons trading",
        "acme-weapons  trading, LIMITED|acme weapons trading",
        "Borealis Dual-Use Exports GmbH|borealis dual use exports",
        "The Crimson Harbor Shipping L.L.C.|crimson harbor shipping",
        "Zürich Partners AG|zurich partners",
        "'   '|''",
      })
  void shouldIgnoreCaseAccentsPunctuationAndLegalForms(String name, String expected) {
    assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
  }
}
