package io.partnerflow.app.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.base.i18n.Countries.Country;
import java.text.Collator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountriesTest {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Test
  void shouldListEveryIsoCountryOnceInBothLanguages() {
    // when
    List<Country> english = Countries.all(Locale.ENGLISH);
    List<Country> chinese = Countries.all(CHINESE);

    // then
    assertThat(english)
        .extracting(Country::code)
        .containsExactlyInAnyOrder(Locale.getISOCountries());
    assertThat(chinese)
        .extracting(Country::code)
        .containsExactlyInAnyOrder(Locale.getISOCountries());
    assertThat(english.size()).isGreaterThanOrEqualTo(249);
    assertThat(english)
        .allSatisfy(country -> assertThat(country.name()).isNotEqualTo(country.code()));
    assertThat(chinese)
        .allSatisfy(country -> assertThat(country.name()).isNotEqualTo(country.code()));
  }

  @Test
  void shouldNameCountriesInTheReadersLanguage() {
    assertThat(Countries.name("DE", Locale.ENGLISH)).isEqualTo("Germany");
    assertThat(Countries.name("DE", CHINESE)).isEqualTo("德国");
    assertThat(Countries.name("CN", CHINESE)).isEqualTo("中国");
    assertThat(Countries.name("AE", Locale.ENGLISH)).isEqualTo("United Arab Emirates");
  }

  @Test
  void shouldSortByTheDisplayedNameAsTheLanguageSortsIt() {
    for (Locale locale : List.of(Locale.ENGLISH, CHINESE)) {
      // when
      List<String> names = Countries.all(locale).stream().map(Country::name).toList();

      // then
      assertThat(names).isSortedAccordingTo(Collator.getInstance(locale));
    }
    // Åland Islands sorts with the A's, not after Z as a plain string comparison puts it
    List<String> english = Countries.all(Locale.ENGLISH).stream().map(Country::name).toList();
    assertThat(english.indexOf("Åland Islands")).isLessThan(english.indexOf("Belgium"));
  }

  @Test
  void shouldRefuseUnknownCodes() {
    assertThat(Countries.isKnown("DE")).isTrue();
    assertThat(Countries.isKnown("XX")).isFalse();
    assertThat(Countries.isKnown("de")).isFalse();
    assertThat(Countries.isKnown(null)).isFalse();
    assertThat(Countries.name("XX", Locale.ENGLISH)).isEqualTo("XX");
    assertThat(Countries.name(null, Locale.ENGLISH)).isEmpty();
  }
}
