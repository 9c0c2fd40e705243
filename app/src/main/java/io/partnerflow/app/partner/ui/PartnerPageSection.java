package io.partnerflow.app.partner.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.partner.Partner;
import java.util.Optional;

/**
 * A section other features add to the partner page (e.g. the tier progress), so the partner feature
 * needs no knowledge of them. Implementations are Spring beans, shown in their {@code Order}; each
 * call builds a new component for one page, and checks on the server what the viewer may see.
 */
public interface PartnerPageSection {

  /** The section for this partner as the current user may see it, or empty to show nothing. */
  Optional<Component> sectionFor(Partner partner);
}
