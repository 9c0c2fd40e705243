package io.partnerflow.app.base.i18n;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every ISO 3166-1 alpha-2 country with its name in the reader's language, from the JDK: one list
 * for the apply form's choices, the server's check of a submitted code and every place that shows a
 * partner's country.
 */
public final class Countries {

  private static final Set<String> CODES = Set.of(Locale.getISOCountries());

  private Countries() {}

  /** One country: its upper-case code and its name in the locale it was asked for. */
  public record Country(String code, String name) {}

  /** All countries, sorted by their name as the reader's language sorts (pinyin for Chinese). */
  public static List<Country> all(Locale locale) {
    Collator collator = Collator.getInstance(locale);
    return Arrays.stream(Locale.getISOCountries())
        .map(code -> new Country(code, name(code, locale)))
        .sorted(Comparator.comparing(Country::name, collator))
        .toList();
  }

  /** Whether the code is an ISO 3166-1 alpha-2 code (upper case, as stored). */
  public static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  /** The country's name in the locale; an unknown code is shown as it is, null as nothing. */
  public static String name(String code, Locale locale) {
    if (code == null) {
      return "";
    }
    if (!isKnown(code)) {
      return code;
    }
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isBlank() ? code : name;
  }
}
