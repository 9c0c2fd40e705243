package io.partnerflow.app.partner;

import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The candidate groups a user is a member of. Staff hold their stored groups, never a partner's
 * group (even one stored by mistake). A partner user holds their organisation's group and one group
 * per portal role ({@link PartnerGroups}), derived from the account's partner and portal roles,
 * never stored.
 */
@Component
public class PartnerMembership {

  private final PortalMembers members;

  PartnerMembership(PortalMembers members) {
    this.members = members;
  }

  /** Every group of the user: the stored ones and, for a partner user, the organisation's. */
  public Set<String> effectiveGroups(UserAccount user) {
    Set<String> groups = new LinkedHashSet<>(storedStaffGroups(user));
    groups.addAll(organisationGroups(user));
    return Set.copyOf(groups);
  }

  /**
   * The groups whose tasks the user may see and work. A partner user: only their organisation's
   * groups (a stored group such as {@code partners} spans all organisations, so it addresses no
   * task); staff: their stored groups.
   */
  public Set<String> taskGroups(UserAccount user) {
    return isPartnerUser(user) ? organisationGroups(user) : storedStaffGroups(user);
  }

  /** The organisation's groups the partner user holds; none for staff. */
  public Set<String> organisationGroups(UserAccount user) {
    if (!isPartnerUser(user) || user.partnerId() == null) {
      return Set.of();
    }
    long partnerId = user.partnerId();
    Set<String> groups = new LinkedHashSet<>();
    groups.add(PartnerGroups.organisation(partnerId));
    for (PortalRole role : members.rolesOf(user.id())) {
      groups.add(PartnerGroups.withRole(partnerId, role));
    }
    return Set.copyOf(groups);
  }

  /** Whether the user works in the portal for a partner organisation (role PARTNER only). */
  public static boolean isPartnerUser(UserAccount user) {
    return user.roles().contains(Role.PARTNER);
  }

  private static Set<String> storedStaffGroups(UserAccount user) {
    return user.groups().stream()
        .filter(group -> !PartnerGroups.isPartnerGroup(group))
        .collect(Collectors.toUnmodifiableSet());
  }
}
