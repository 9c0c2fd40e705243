package io.partnerflow.app.tier.worker;

import io.camunda.client.annotation.JobWorker;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerFilter;
import io.partnerflow.app.partner.PartnerPage;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerSort;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.tier.TierReviewRequests;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code tier-review-all} (the monthly timer): asks for a tier review of every active
 * partner, one message each. The message id names the partner and the month ({@code
 * tier-review-<id>-2026-12}), so a retried job, which publishes again from the first partner,
 * starts no second review.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierReviewAllWorker {

  private static final int PAGE = 500;

  private final PartnerService partners;
  private final TierReviewRequests requests;
  private final Clock clock;

  TierReviewAllWorker(PartnerService partners, TierReviewRequests requests, Clock clock) {
    this.partners = partners;
    this.requests = requests;
    this.clock = clock;
  }

  @JobWorker(
      type = "tier-review-all",
      fetchVariables = {})
  public Map<String, Object> requestAll() {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    PartnerFilter active = PartnerFilter.all().withStatus(PartnerStatus.ACTIVE);
    int requested = 0;
    for (int offset = 0; ; offset += PAGE) {
      int from = offset;
      PartnerPage page =
          SystemIdentity.call(
              () ->
                  partners.search(
                      active,
                      List.of(new PartnerSort(PartnerSort.Field.CREATED_AT, true)),
                      from,
                      PAGE));
      for (Partner partner : page.items()) {
        String messageId = "tier-review-" + partner.id() + "-" + month;
        if (requests.request(partner.id(), "monthly", messageId)) {
          requested++;
        }
      }
      if (page.items().size() < PAGE) {
        return Map.of("reviewsRequested", requested);
      }
    }
  }
}
