package io.partnerflow.app.plan;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a plan offers to choose from.
 *
 * @param productLines the product lines a partner may commit to selling
 * @param defaultCurrency ISO 4217 code a new plan's targets start in
 */
@ConfigurationProperties("partnerflow.plan")
public record PlanProperties(List<String> productLines, String defaultCurrency) {

  public PlanProperties {
    if (productLines == null || productLines.isEmpty()) {
      productLines = List.of("Platform", "Analytics", "Integration", "Support services");
    }
    productLines = List.copyOf(productLines);
    if (defaultCurrency == null || defaultCurrency.isBlank()) {
      defaultCurrency = "EUR";
    }
    if (!PlanValidator.isIsoCurrency(defaultCurrency)) {
      throw new IllegalArgumentException(
          "partnerflow.plan.default-currency must be an ISO 4217 code such as EUR");
    }
  }
}
