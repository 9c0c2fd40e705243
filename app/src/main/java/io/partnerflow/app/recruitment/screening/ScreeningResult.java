package io.partnerflow.app.recruitment.screening;

import java.util.List;

/**
 * The outcome with every reason that led to it, for the reviewer and the audit trail.
 *
 * @param reasons human-readable findings, empty when clear
 */
public record ScreeningResult(ScreeningOutcome outcome, List<String> reasons) {

  public ScreeningResult {
    reasons = List.copyOf(reasons);
  }
}
