package io.partnerflow.app.tier;

import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.StaffGroups;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Per tier what a partner meets and what is missing ("2 of 3 certified sales professionals"), for
 * the partner page and the portal home. Who may see it: administrators and enablement staff for
 * every partner, a partner manager for the partners they own (and those nobody owns), team leads
 * (group {@value StaffGroups#TEAM_LEADS}) for every manager's partners, a partner user for their
 * own organisation. A partner that may not be seen is refused like an unknown one. The overview
 * holds counts only — no names of people, nothing internal to the vendor.
 */
@Service
public class TierProgress {

  private static final String ADMIN = "ROLE_ADMIN";
  private static final String MANAGER = "ROLE_PARTNER_MANAGER";
  private static final String ENABLEMENT = "ROLE_ENABLEMENT";
  private static final String PARTNER = "ROLE_PARTNER";

  private final PartnerService partners;
  private final PartnerFactsReader facts;
  private final TierRequirementsTable table;
  private final UserAccountService users;

  TierProgress(
      PartnerService partners,
      PartnerFactsReader facts,
      TierRequirementsTable table,
      UserAccountService users) {
    this.partners = partners;
    this.facts = facts;
    this.table = table;
    this.users = users;
  }

  /**
   * @throws AccessDeniedException for a partner the caller may not see, existing or not
   */
  @Secured({ADMIN, MANAGER, ENABLEMENT, PARTNER, SystemIdentity.AUTHORITY})
  public TierOverview of(long partnerId) {
    Partner partner = visible(partnerId);
    PartnerFacts partnerFacts = facts.of(partnerId);
    List<TierStanding> standings = TierRules.standings(table.evaluate(partnerFacts), partnerFacts);
    return new TierOverview(
        partner.tier(),
        TierRules.highestMet(standings),
        standings.stream().filter(standing -> standing.tier() != PartnerTier.REGISTERED).toList());
  }

  /** The logged-in partner user's own organisation's overview, if they belong to one. */
  @Secured(PARTNER)
  public Optional<TierOverview> mine() {
    return partners.myPartnerId().map(this::of);
  }

  private Partner visible(long partnerId) {
    Optional<Partner> partner;
    try {
      partner = partners.findById(partnerId);
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException("No such partner");
    }
    if (partner.isEmpty()) {
      throw new AccessDeniedException("No such partner");
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (onlyPartnerManager(caller) && !teamLead(caller)) {
      String owner = partner.get().ownerUsername();
      if (owner != null && !owner.equals(caller.getName())) {
        // another manager's partner: not theirs to follow
        throw new AccessDeniedException("No such partner");
      }
    }
    return partner.get();
  }

  /** Team leads follow every manager's partners. */
  private boolean teamLead(Authentication caller) {
    return users
        .findByUsername(caller.getName())
        .map(account -> account.groups().contains(StaffGroups.TEAM_LEADS))
        .orElse(false);
  }

  private static boolean onlyPartnerManager(Authentication caller) {
    List<String> authorities =
        caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return authorities.contains(MANAGER)
        && !authorities.contains(ADMIN)
        && !authorities.contains(ENABLEMENT)
        && !authorities.contains(SystemIdentity.AUTHORITY);
  }
}
