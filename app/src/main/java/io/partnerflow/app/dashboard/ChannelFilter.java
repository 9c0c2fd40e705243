package io.partnerflow.app.dashboard;

import io.partnerflow.app.partner.PartnerType;
import java.time.LocalDate;

/**
 * What the channel dashboard is narrowed to.
 *
 * @param from first day of the period (inclusive): applications submitted from this day on
 * @param to last day of the period (inclusive)
 * @param country ISO 3166-1 alpha-2 code, or null for all countries
 * @param type partner type, or null for all
 * @param manager username of the partner manager who owns the partners, or null for all; before the
 *     approval an application has no manager, so this narrows the funnel to the applications that
 *     became this manager's partners
 */
public record ChannelFilter(
    LocalDate from, LocalDate to, String country, PartnerType type, String manager) {

  public ChannelFilter {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a period needs both days");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    country = country == null || country.isBlank() ? null : country.trim().toUpperCase();
    manager = manager == null || manager.isBlank() ? null : manager.trim();
  }

  /** The last twelve months up to and including {@code today}. */
  public static ChannelFilter lastYear(LocalDate today) {
    return new ChannelFilter(today.minusYears(1).plusDays(1), today, null, null, null);
  }
}
