package io.partnerflow.app.recruitment.screening;

import java.util.List;
import java.util.Map;

/**
 * The lists screening compares against.
 *
 * @param countries ISO code to screening level
 * @param deniedParties restricted companies with their normalised names
 */
record ComplianceLists(Map<String, CountryRule> countries, List<DeniedParty> deniedParties) {

  /** A country on the list: blocked, or to be reviewed by a person. */
  record CountryRule(String code, String name, ScreeningOutcome level) {}

  /** A restricted company. */
  record DeniedParty(
      String name, String normalizedName, String country, String source, String reason) {}
}
