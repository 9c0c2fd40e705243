package io.partnerflow.app.contract;

import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import java.util.HashSet;
import java.util.Set;

/**
 * The candidate groups a user holds for signing: the account's own groups, and for a user of a
 * partner organisation that organisation's groups ({@link PartnerGroups}). Staff never hold a
 * partner group, so a staff member can never work a partner's signing task, nor a partner user
 * legal's.
 *
 * <p>Every user of the organisation counts as a signatory until portal roles tell them apart (the
 * portal's invited contact is the signatory by default).
 */
final class SignerGroups {

  private SignerGroups() {}

  static Set<String> of(UserAccount user) {
    Set<String> groups = new HashSet<>();
    for (String group : user.groups()) {
      if (!PartnerGroups.isPartnerGroup(group)) {
        groups.add(group);
      }
    }
    if (user.roles().contains(Role.PARTNER) && user.partnerId() != null) {
      groups.add(PartnerGroups.organisation(user.partnerId()));
      groups.add(PartnerGroups.signatories(user.partnerId()));
    }
    return groups;
  }
}
