package io.partnerflow.app.recruitment.screening;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings company names to a comparable form: lower case, no accents or punctuation, no legal-form
 * suffixes ("Ltd", "GmbH", "S.A."), single spaces. "Déjà Vu Logistics S.A." and "DEJA VU LOGISTICS"
 * both become "deja vu logistics".
 */
final class NameNormalizer {

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ab",
          "ag",
          "as",
          "bv",
          "co",
          "company",
          "corp",
          "corporation",
          "gmbh",
          "inc",
          "incorporated",
          "kg",
          "kk",
          "limited",
          "llc",
          "llp",
          "lp",
          "ltd",
          "nv",
          "oy",
          "plc",
          "pte",
          "pty",
          "sa",
          "sarl",
          "sas",
          "spa",
          "srl",
          "the",
          "ug");

  private NameNormalizer() {}

  static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String withoutAccents =
        Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    // "S.A." and "S. A." are both the legal form "sa": join single letters separated by dots
    String joined = withoutAccents.replaceAll("(?<=\\b\\p{L})\\.\\s?(?=\\p{L}\\b)", "");
    String words = joined.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return Arrays.stream(words.split(" "))
        .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
        .collect(Collectors.joining(" "));
  }
}
