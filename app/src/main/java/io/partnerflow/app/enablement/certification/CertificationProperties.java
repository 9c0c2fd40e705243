package io.partnerflow.app.enablement.certification;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timing of certification.
 *
 * @param renewalLead how long before a certificate expires its holder is reminded and gets the
 *     recertification exam, default 60 days ({@code P60D}); read when a certificate is issued
 */
@ConfigurationProperties("partnerflow.certification")
public record CertificationProperties(Period renewalLead) {

  public CertificationProperties {
    if (renewalLead == null) {
      renewalLead = Period.ofDays(60);
    }
    if (renewalLead.isNegative()) {
      throw new IllegalArgumentException(
          "partnerflow.certification.renewal-lead must not be negative");
    }
  }
}
