package io.partnerflow.app.recruitment.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.Resource;

/**
 * Reads the two CSV files: {@code embargoed-countries.csv} (code,name,level) and {@code
 * denied-parties.csv} (name,country,source,reason). Lines starting with {@code #} are comments, the
 * first other line is the header. A malformed line stops loading with its file and line number, so
 * a broken list is never used half-read.
 */
final class ComplianceListsLoader {

  private ComplianceListsLoader() {}

  static ComplianceLists load(Resource countriesFile, Resource deniedPartiesFile) {
    Map<String, ComplianceLists.CountryRule> countries = new LinkedHashMap<>();
    readRows(
        countriesFile,
        3,
        row -> {
          String code = row[0].trim().toUpperCase(Locale.ROOT);
          ScreeningOutcome level = ScreeningOutcome.valueOf(row[2].trim().toUpperCase(Locale.ROOT));
          if (level == ScreeningOutcome.CLEAR) {
            throw new IllegalArgumentException("level must be blocked or review");
          }
          countries.put(code, new ComplianceLists.CountryRule(code, row[1].trim(), level));
        });
    List<ComplianceLists.DeniedParty> parties = new ArrayList<>();
    readRows(
        deniedPartiesFile,
        4,
        row ->
            parties.add(
                new ComplianceLists.DeniedParty(
                    row[0].trim(),
                    NameNormalizer.normalize(row[0]),
                    row[1].trim().toUpperCase(Locale.ROOT),
                    row[2].trim(),
                    row[3].trim())));
    return new ComplianceLists(Map.copyOf(countries), List.copyOf(parties));
  }

  private static void readRows(Resource file, int columns, Consumer<String[]> row) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split(",", -1);
        try {
          if (cells.length != columns) {
            throw new IllegalArgumentException(
                "expected " + columns + " columns, found " + cells.length);
          }
          row.accept(cells);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              file.getDescription() + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
    }
  }
}
