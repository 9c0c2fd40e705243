package io.partnerflow.app.recruitment.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Screening against the example lists that ship in config/compliance. */
class ComplianceScreeningTest {

  private final ComplianceScreening screening =
      new ComplianceScreening(
          ComplianceListsLoader.load(
              new ClassPathResource("compliance/embargoed-countries.csv"),
              new ClassPathResource("compliance/denied-parties.csv")),
          0.9);

  @ParameterizedTest(name = "{0} in {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Northwind Cloud Partners|DE|Ada Lovelace|CLEAR",
        "Northwind Cloud Partners|KP|Ada Lovelace|BLOCKED",
        "Northwind Cloud Partners|ru|Ada Lovelace|REVIEW",
        "ACME WEAPONS TRADING LIMITED|GB|Ada Lovelace|BLOCKED",
        "Deja Vu Logistics|FR|Ada Lovelace|BLOCKED",
        "Acme Weapon Trading|GB|Ada Lovelace|REVIEW",
        "Crimson Harbour Shipping|NL|Ada Lovelace|REVIEW",
        "Crimson Consulting|NL|Ada Lovelace|CLEAR",
        "Northwind Cloud Partners|DE|Acme Weapons Trading Ltd|BLOCKED",
      })
  void shouldScreenCompanyCountryAndContact(
      String company, String country, String contact, ScreeningOutcome expected) {
    // when
    ScreeningResult result = screening.screen(new ScreeningSubject(company, country, contact));

    // then
    assertThat(result.outcome()).isEqualTo(expected);
    if (expected == ScreeningOutcome.CLEAR) {
      assertThat(result.reasons()).isEmpty();
    } else {
      assertThat(result.reasons()).isNotEmpty();
    }
  }

  @Test
  void shouldGiveEveryReasonWhenBlocked() {
    // when
    ScreeningResult result =
        screening.screen(new ScreeningSubject("Acme Weapons Trading", "KP", "Pat"));

    // then
    assertThat(result.outcome()).isEqualTo(ScreeningOutcome.BLOCKED);
    assertThat(result.reasons())
        .anySatisfy(reason -> assertThat(reason).contains("North Korea").contains("embargo"))
        .anySatisfy(reason -> assertThat(reason).contains("Acme Weapons Trading Ltd"));
  }

  @Test
  void shouldRefuseAListWithAMalformedLineNamingTheLine() {
    // given
    ByteArrayResource countries =
        new ByteArrayResource(
            "code,name,level\nCU,Cuba,blocked\nIR,Iran\n".getBytes(StandardCharsets.UTF_8),
            "countries.csv");
    ByteArrayResource parties =
        new ByteArrayResource("name,country,source,reason\n".getBytes(StandardCharsets.UTF_8));

    // then
    assertThatThrownBy(() -> ComplianceListsLoader.load(countries, parties))
        .hasMessageContaining("line 3")
        .hasMessageContaining("expected 3 columns");
  }

  @Test
  void shouldRateSimilarNamesHighAndDifferentNamesLow() {
    assertThat(NameSimilarity.of("crimson harbor shipping", "crimson harbour shipping"))
        .isGreaterThan(0.95);
    assertThat(NameSimilarity.of("northwind cloud partners", "acme weapons trading"))
        .isLessThan(0.7);
    assertThat(NameSimilarity.of("", "acme")).isZero();
  }
}
