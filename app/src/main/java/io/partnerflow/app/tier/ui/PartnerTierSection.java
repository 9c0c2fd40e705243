package io.partnerflow.app.tier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.ui.PartnerPageSection;
import io.partnerflow.app.tier.TierProgress;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;

/**
 * The tier progress on the partner page, for administrators, enablement staff, the partner's
 * manager and the partner's own users; {@link TierProgress} checks it again on the server.
 */
@org.springframework.stereotype.Component
@Order(10)
class PartnerTierSection implements PartnerPageSection {

  private final TierProgress progress;
  private final AuthenticationContext authentication;

  PartnerTierSection(TierProgress progress, AuthenticationContext authentication) {
    this.progress = progress;
    this.authentication = authentication;
  }

  @Override
  public Optional<Component> sectionFor(Partner partner) {
    if (!authentication.hasAnyRole("ADMIN", "ENABLEMENT", "PARTNER_MANAGER", "PARTNER")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TierProgressPanel(progress.of(partner.id())));
    } catch (AccessDeniedException e) {
      // e.g. another manager's partner: the page shows the rest, without the tier section
      return Optional.empty();
    }
  }
}
