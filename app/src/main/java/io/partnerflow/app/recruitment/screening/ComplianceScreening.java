package io.partnerflow.app.recruitment.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Screens an applicant against embargoed countries and denied parties. An exact match of the
 * normalised company name, or an embargoed country, blocks; a near match (Jaro-Winkler at or above
 * the threshold) or a country marked "review" sends the application to a person.
 */
public class ComplianceScreening {

  private final ComplianceLists lists;
  private final double nearMatchThreshold;

  ComplianceScreening(ComplianceLists lists, double nearMatchThreshold) {
    this.lists = lists;
    this.nearMatchThreshold = nearMatchThreshold;
  }

  public ScreeningResult screen(ScreeningSubject subject) {
    List<String> blocked = new ArrayList<>();
    List<String> review = new ArrayList<>();
    checkCountry(subject.country(), blocked, review);
    checkName("Company", subject.companyName(), blocked, review);
    checkName("Contact person", subject.contactName(), blocked, review);
    if (!blocked.isEmpty()) {
      blocked.addAll(review);
      return new ScreeningResult(ScreeningOutcome.BLOCKED, blocked);
    }
    if (!review.isEmpty()) {
      return new ScreeningResult(ScreeningOutcome.REVIEW, review);
    }
    return new ScreeningResult(ScreeningOutcome.CLEAR, List.of());
  }

  private void checkCountry(String country, List<String> blocked, List<String> review) {
    if (country == null) {
      return;
    }
    ComplianceLists.CountryRule rule =
        lists.countries().get(country.trim().toUpperCase(Locale.ROOT));
    if (rule == null) {
      return;
    }
    String finding = "Country " + rule.name() + " (" + rule.code() + ") is on the ";
    if (rule.level() == ScreeningOutcome.BLOCKED) {
      blocked.add(finding + "embargo list");
    } else {
      review.add(finding + "list of countries that need a sanctions review");
    }
  }

  private void checkName(String what, String name, List<String> blocked, List<String> review) {
    String normalized = NameNormalizer.normalize(name);
    if (normalized.isEmpty()) {
      return;
    }
    for (ComplianceLists.DeniedParty party : lists.deniedParties()) {
      double similarity = NameSimilarity.of(normalized, party.normalizedName());
      if (similarity == 1) {
        blocked.add(
            what
                + " '"
                + name
                + "' matches denied party '"
                + party.name()
                + "' ("
                + party.source()
                + ": "
                + party.reason()
                + ")");
      } else if (similarity >= nearMatchThreshold) {
        review.add(
            String.format(
                Locale.ROOT,
                "%s '%s' resembles denied party '%s' (%s: %s; similarity %.2f)",
                what,
                name,
                party.name(),
                party.source(),
                party.reason(),
                similarity));
      }
    }
  }
}
