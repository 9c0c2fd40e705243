package io.partnerflow.app.dashboard;

import java.util.List;

/** A partner manager's own partners, counted by status and by tier (every value, zero included). */
public record MyPartners(List<CountBy> byStatus, List<CountBy> byTier) {

  public long total() {
    return byStatus.stream().mapToLong(CountBy::count).sum();
  }
}
