package io.partnerflow.app.qbr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plan's targets for one calendar quarter.
 *
 * @param quarter the calendar quarter, {@code yyyy-Qn}, e.g. {@code 2027-Q1}
 * @param newCustomers customers the partner aims to win in the quarter
 * @param revenue revenue aimed for in the quarter, in {@code currency}
 * @param currency ISO 4217 code, e.g. {@code EUR}
 * @param certifiedPeople people holding a valid certificate by the quarter's end
 */
public record QuarterTarget(
    String quarter, int newCustomers, BigDecimal revenue, String currency, int certifiedPeople) {

  private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public QuarterTarget {
    Objects.requireNonNull(quarter, "quarter");
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(currency, "currency");
    if (!QUARTER.matcher(quarter).matches()) {
      throw new IllegalArgumentException("A quarter is written like 2027-Q1, not " + quarter);
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("A currency is an ISO code like EUR, not " + currency);
    }
    if (newCustomers < 0 || certifiedPeople < 0 || revenue.signum() < 0) {
      throw new IllegalArgumentException("Targets cannot be negative");
    }
  }

  /** The quarter's last day. */
  public LocalDate lastDay() {
    var matcher = QUARTER.matcher(quarter);
    matcher.matches();
    int year = Integer.parseInt(matcher.group(1));
    int q = Integer.parseInt(matcher.group(2));
    return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
  }
}
