package io.partnerflow.app.partner;

import java.util.List;

/** One page of a search and the number of all matches. */
public record PartnerPage(List<Partner> items, long total) {

  public PartnerPage {
    items = List.copyOf(items);
  }
}
