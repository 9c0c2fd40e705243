package io.partnerflow.app.tier;

import java.util.Map;

/**
 * How many people of a partner hold a valid certificate, per certification. The tier rules count
 * people, not certificates: a person with a renewed certificate counts once.
 *
 * <p>Tiers read certificates only through this seam; the certification feature implements it, so
 * the dependency runs from certification to tier and never back.
 */
public interface CertifiedPeople {

  /**
   * Valid certificate holders of the partner by certification code (e.g. {@code
   * certified-sales-professional} → 2). Certifications nobody holds may be missing from the map.
   */
  Map<String, Integer> validHoldersByCertification(long partnerId);
}
