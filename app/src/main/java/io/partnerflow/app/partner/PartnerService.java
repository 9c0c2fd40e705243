package io.partnerflow.app.partner;

import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.partner.PartnerAccess.Viewer;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner directory. Staff (administrators, partner managers, legal, enablement) and process
 * workers see every partner; a partner user sees only their own organisation; anonymous callers
 * nothing. Changes are for administrators, partner managers and process workers, and each is
 * recorded in the partner's timeline.
 *
 * <p>Process workers run without a logged-in user: they call with an authentication holding {@link
 * #SYSTEM} (e.g. a {@code UsernamePasswordAuthenticationToken} named "system").
 */
@Service
public class PartnerService {

  /** The authority of process workers (job workers acting for the platform). */
  public static final String SYSTEM = SystemIdentity.AUTHORITY;

  private static final String ADMIN = "ROLE_ADMIN";
  private static final String MANAGER = "ROLE_PARTNER_MANAGER";
  private static final String LEGAL = "ROLE_LEGAL";
  private static final String ENABLEMENT = "ROLE_ENABLEMENT";
  private static final String PARTNER = "ROLE_PARTNER";

  private final PartnerRepository repository;
  private final PartnerAccess access;
  private final UserAccountService users;
  private final AuditLog auditLog;

  PartnerService(
      PartnerRepository repository,
      PartnerAccess access,
      UserAccountService users,
      AuditLog auditLog) {
    this.repository = repository;
    this.access = access;
    this.users = users;
    this.auditLog = auditLog;
  }

  /**
   * Creates a partner (status {@link PartnerStatus#ONBOARDING}) with its primary contact. Called
   * again for the same application it creates nothing and returns the existing partner's id.
   *
   * @throws PartnerValidationException with the field errors
   */
  @Secured({ADMIN, MANAGER, SYSTEM})
  @Transactional
  public long create(NewPartner partner) {
    NewPartner valid = PartnerValidator.validate(partner);
    checkOwner(valid.ownerUsername());
    if (valid.applicationId() != null) {
      Optional<Long> existing = repository.findIdByApplicationId(valid.applicationId());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    Optional<Long> inserted = repository.insert(valid);
    if (inserted.isEmpty()) {
      // created concurrently for the same application, committed meanwhile
      return repository.findIdByApplicationId(valid.applicationId()).orElseThrow();
    }
    long id = inserted.get();
    if (valid.contact() != null) {
      repository.insertContact(id, valid.contact());
    }
    repository.insertEvent(
        id, PartnerEvent.Kind.CREATED, null, valid.tier().name(), access.actor());
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("name", valid.name());
    created.put("tier", valid.tier().name());
    created.put("owner", valid.ownerUsername());
    auditLog.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(id), null, created);
    return id;
  }

  /**
   * The partner, or empty when there is none with that id.
   *
   * @throws org.springframework.security.access.AccessDeniedException for a partner user asking for
   *     another organisation (whether it exists or not)
   */
  @Secured({ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public Optional<Partner> findById(long id) {
    Viewer viewer = access.checkCanSee(id);
    return repository.findById(id).map(partner -> shownTo(viewer, partner));
  }

  /** The partner's contacts, primary first; same access as {@link #findById}. */
  @Secured({ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public List<PartnerContact> contacts(long partnerId) {
    access.checkCanSee(partnerId);
    return repository.contacts(partnerId);
  }

  /** The partner's own dated history, newest first; same access as {@link #findById}. */
  @Secured({ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public List<PartnerEvent> timeline(long partnerId) {
    Viewer viewer = access.checkCanSee(partnerId);
    List<PartnerEvent> events = repository.events(partnerId);
    if (viewer.seesAll()) {
      return events;
    }
    // a partner user sees what changed for them, not which staff member did it or owns them
    return events.stream()
        .filter(event -> event.kind() != PartnerEvent.Kind.OWNER_CHANGED)
        .map(PartnerEvent::withoutActor)
        .toList();
  }

  /**
   * One page of the partners matching the filter that the caller may see (a partner user: at most
   * their own), with the total count of matches.
   */
  @Secured({ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public PartnerPage search(PartnerFilter filter, List<PartnerSort> sort, int offset, int limit) {
    Viewer viewer = access.viewer();
    if (!viewer.seesAll() && viewer.partnerId() == null) {
      return new PartnerPage(List.of(), 0);
    }
    Long only = viewer.seesAll() ? null : viewer.partnerId();
    List<Partner> items =
        repository
            .search(filter, only, sort, Math.max(0, offset), Math.max(0, Math.min(limit, 500)))
            .stream()
            .map(partner -> shownTo(viewer, partner))
            .toList();
    return new PartnerPage(items, repository.count(filter, only));
  }

  /** The number of partners matching the filter that the caller may see. */
  @Secured({ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER, SYSTEM})
  @Transactional(readOnly = true)
  public long count(PartnerFilter filter) {
    Viewer viewer = access.viewer();
    if (!viewer.seesAll() && viewer.partnerId() == null) {
      return 0;
    }
    return repository.count(filter, viewer.seesAll() ? null : viewer.partnerId());
  }

  private static Partner shownTo(Viewer viewer, Partner partner) {
    return viewer.seesAll() ? partner : partner.withoutInternals();
  }

  /** The organisation of the logged-in partner user, if they belong to one. */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public Optional<Long> myPartnerId() {
    return Optional.ofNullable(access.viewer().partnerId());
  }

  @Secured({ADMIN, MANAGER, SYSTEM})
  @Transactional
  public void changeTier(long id, PartnerTier tier) {
    changeTier(id, tier, null);
  }

  /**
   * Changes the tier for a reason the timeline and the audit trail keep (e.g. {@code
   * TIER_REVIEW_UPGRADE} from the tier review); the same tier again changes nothing.
   *
   * @param reason a short code, or null
   */
  @Secured({ADMIN, MANAGER, SYSTEM})
  @Transactional
  public void changeTier(long id, PartnerTier tier, String reason) {
    Objects.requireNonNull(tier, "tier");
    change(
        id,
        "tier",
        "tier",
        PartnerEvent.Kind.TIER_CHANGED,
        p -> p.tier().name(),
        tier.name(),
        reason);
  }

  @Secured({ADMIN, MANAGER, SYSTEM})
  @Transactional
  public void changeStatus(long id, PartnerStatus status) {
    Objects.requireNonNull(status, "status");
    change(
        id,
        "status",
        "status",
        PartnerEvent.Kind.STATUS_CHANGED,
        p -> p.status().name(),
        status.name(),
        null);
  }

  /**
   * @param ownerUsername an existing partner manager or administrator
   * @throws PartnerValidationException when it is not one
   */
  @Secured({ADMIN, MANAGER, SYSTEM})
  @Transactional
  public void changeOwner(long id, String ownerUsername) {
    String owner = PartnerValidator.trim(ownerUsername);
    if (owner == null) {
      throw new PartnerValidationException(Map.of("ownerUsername", "partner.error.required"));
    }
    checkOwner(owner);
    change(
        id,
        "owner_username",
        "owner",
        PartnerEvent.Kind.OWNER_CHANGED,
        Partner::ownerUsername,
        owner,
        null);
  }

  private void change(
      long id,
      String column,
      String field,
      PartnerEvent.Kind kind,
      Function<Partner, String> current,
      String value,
      String reason) {
    Partner partner =
        repository
            .lockById(id)
            .orElseThrow(() -> new IllegalArgumentException("No partner with id " + id));
    String old = current.apply(partner);
    if (Objects.equals(old, value)) {
      return;
    }
    repository.update(id, column, value);
    repository.insertEvent(id, kind, old, value, access.actor(), reason);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put(field, value);
    if (reason != null) {
      after.put("reason", reason);
    }
    auditLog.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(id),
        Collections.singletonMap(field, old),
        after);
  }

  private void checkOwner(String ownerUsername) {
    if (ownerUsername == null) {
      return;
    }
    boolean manages =
        users
            .findByUsername(ownerUsername)
            .filter(UserAccount::enabled)
            .map(UserAccount::roles)
            .filter(roles -> roles.contains(Role.PARTNER_MANAGER) || roles.contains(Role.ADMIN))
            .isPresent();
    if (!manages) {
      throw new PartnerValidationException(Map.of("ownerUsername", "partner.error.owner"));
    }
  }
}
