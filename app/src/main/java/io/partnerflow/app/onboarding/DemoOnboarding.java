package io.partnerflow.app.onboarding;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With profile {@code demo}: the demo {@code partner} user belongs to a demo organisation in the
 * middle of onboarding, so the portal shows the contract to sign at once. Goes the real way: the
 * partner is created and its onboarding started like an approved application's, once the models are
 * deployed; nothing happens when the user belongs to an organisation already.
 */
@Component
@Profile("demo")
class DemoOnboarding {

  static final String DEMO_USER = "partner";

  private static final Logger log = LoggerFactory.getLogger(DemoOnboarding.class);

  private final UserAccountService users;
  private final PartnerService partners;
  private final OnboardingStarter starter;

  DemoOnboarding(UserAccountService users, PartnerService partners, OnboardingStarter starter) {
    this.users = users;
    this.partners = partners;
    this.starter = starter;
  }

  // after the models are deployed (StartupModelDeployment, order 10)
  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void onboardTheDemoPartner() {
    UserAccount user = users.findByUsername(DEMO_USER).orElse(null);
    if (user == null || user.partnerId() != null) {
      return;
    }
    try {
      SystemIdentity.call(
          () -> {
            long partnerId =
                partners.create(
                    new NewPartner(
                        "Demo Partner GmbH",
                        "https://demo-partner.example",
                        "DE",
                        PartnerType.RESELLER,
                        PartnerTier.GOLD,
                        "manager",
                        PartnerContact.primary(user.displayName(), user.email(), null),
                        70,
                        null));
            if (users.linkToPartner(DEMO_USER, partnerId)) {
              starter.start(partnerId);
              log.info("Demo profile: user '{}' signs for demo partner {}", DEMO_USER, partnerId);
            }
            return null;
          });
    } catch (RuntimeException e) {
      // the demo must not stop the platform, e.g. when the engine is not reachable yet
      log.warn("Demo profile: could not onboard the demo partner: {}", e.toString());
    }
  }
}
