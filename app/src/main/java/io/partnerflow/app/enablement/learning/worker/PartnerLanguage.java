package io.partnerflow.app.enablement.learning.worker;

import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The language of notices to a partner's users: Chinese for partners in China, else English. */
@Component
class PartnerLanguage {

  private final PartnerService partners;

  PartnerLanguage(PartnerService partners) {
    this.partners = partners;
  }

  Locale of(Long partnerId) {
    if (partnerId == null) {
      return Locale.ENGLISH;
    }
    return SystemIdentity.call(() -> partners.findById(partnerId))
        .filter(partner -> "CN".equals(partner.country()))
        .map(partner -> Locale.SIMPLIFIED_CHINESE)
        .orElse(Locale.ENGLISH);
  }
}
