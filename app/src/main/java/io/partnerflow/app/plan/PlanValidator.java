package io.partnerflow.app.plan;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks plan content and names each wrong field. A draft may be incomplete (no objectives yet); a
 * submitted plan must be complete.
 */
final class PlanValidator {

  static final int MAX_TEXT = 4000;
  static final int MAX_NAME = 200;

  private final List<String> productLines;

  PlanValidator(List<String> productLines) {
    this.productLines = List.copyOf(productLines);
  }

  /** Field errors of a draft (what must hold whenever it is saved). */
  Map<String, String> draftErrors(PlanContent plan) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (plan.year() < 2000 || plan.year() > 2100) {
      errors.put("year", "plan.error.year");
    }
    if (plan.objectives().length() > MAX_TEXT) {
      errors.put("objectives", "plan.error.tooLong");
    }
    targets(plan.targets(), errors);
    for (int i = 0; i < plan.activities().size(); i++) {
      activity(plan.year(), "activities[" + i + "].", plan.activities().get(i), errors);
    }
    for (String line : plan.productLines()) {
      if (!productLines.contains(line)) {
        errors.put("productLines", "plan.error.productLine");
      }
    }
    if (new HashSet<>(plan.productLines()).size() != plan.productLines().size()) {
      errors.put("productLines", "plan.error.productLineTwice");
    }
    return errors;
  }

  /** Field errors of a plan handed in for review: a draft's and what completes it. */
  Map<String, String> submitErrors(PlanContent plan) {
    Map<String, String> errors = draftErrors(plan);
    if (plan.objectives().isBlank()) {
      errors.putIfAbsent("objectives", "plan.error.required");
    }
    if (plan.productLines().isEmpty()) {
      errors.putIfAbsent("productLines", "plan.error.productLineRequired");
    }
    return errors;
  }

  private static void targets(List<QuarterTarget> targets, Map<String, String> errors) {
    Set<Integer> quarters = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      QuarterTarget target = targets.get(i);
      String at = "targets[" + i + "].";
      if (target.quarter() < 1 || target.quarter() > 4 || !quarters.add(target.quarter())) {
        errors.put(at + "quarter", "plan.error.quarter");
      }
      if (target.newCustomers() < 0) {
        errors.put(at + "newCustomers", "plan.error.negative");
      }
      if (target.certifiedPeople() < 0) {
        errors.put(at + "certifiedPeople", "plan.error.negative");
      }
      if (target.revenue() == null || target.revenue().signum() < 0) {
        errors.put(at + "revenue", "plan.error.negative");
      }
      if (!isIsoCurrency(target.currency())) {
        errors.put(at + "currency", "plan.error.currency");
      }
    }
    if (quarters.size() != 4 || targets.size() != 4) {
      errors.putIfAbsent("targets", "plan.error.fourQuarters");
    }
  }

  private static void activity(
      int year, String at, PlannedActivity activity, Map<String, String> errors) {
    if (activity.kind() == null) {
      errors.put(at + "kind", "plan.error.required");
    }
    if (activity.title() == null || activity.title().isBlank()) {
      errors.put(at + "title", "plan.error.required");
    } else if (activity.title().length() > MAX_NAME) {
      errors.put(at + "title", "plan.error.tooLong");
    }
    if (activity.date() == null) {
      errors.put(at + "date", "plan.error.required");
    } else if (activity.date().getYear() != year) {
      errors.put(at + "date", "plan.error.dateOutsideYear");
    }
    if (activity.owner() == null || activity.owner().isBlank()) {
      errors.put(at + "owner", "plan.error.required");
    } else if (activity.owner().length() > MAX_NAME) {
      errors.put(at + "owner", "plan.error.tooLong");
    }
    BigDecimal amount = activity.fundingAmount();
    if (amount != null) {
      if (amount.signum() < 0) {
        errors.put(at + "fundingAmount", "plan.error.negative");
      }
      if (!isIsoCurrency(activity.fundingCurrency())) {
        errors.put(at + "fundingCurrency", "plan.error.currency");
      }
    }
  }

  /** Whether the code is an ISO 4217 currency the JDK knows (upper case, three letters). */
  static boolean isIsoCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    return Currency.getAvailableCurrencies().stream()
        .anyMatch(currency -> currency.getCurrencyCode().equals(code));
  }
}
