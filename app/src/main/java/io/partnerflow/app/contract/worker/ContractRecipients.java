package io.partnerflow.app.contract.worker;

import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Who hears about a contract: the partner's primary contact (the invited signatory, in the
 * contract's language), the partner's manager (the owner; without one, every partner manager) and
 * legal; staff in English, like the other staff notices.
 */
@Component
class ContractRecipients {

  static final String MANAGERS = "partner-managers";
  static final String LEGAL = "legal";

  private final PartnerService partners;
  private final UserAccountService users;

  ContractRecipients(PartnerService partners, UserAccountService users) {
    this.partners = partners;
    this.users = users;
  }

  List<Addressee> partnerContact(Partner partner, String language) {
    Locale locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    return SystemIdentity.call(() -> partners.contacts(partner.id())).stream()
        .filter(PartnerContact::primary)
        .map(contact -> new Addressee(new Recipient(contact.email(), contact.name()), locale))
        .toList();
  }

  List<Addressee> manager(Partner partner) {
    if (partner.ownerUsername() != null) {
      List<Addressee> owner =
          users.findByUsername(partner.ownerUsername()).stream()
              .filter(user -> user.enabled() && user.email() != null)
              .map(ContractRecipients::staff)
              .toList();
      if (!owner.isEmpty()) {
        return owner;
      }
    }
    return group(MANAGERS);
  }

  List<Addressee> legal() {
    return group(LEGAL);
  }

  private List<Addressee> group(String group) {
    return SystemIdentity.call(() -> users.membersOf(group)).stream()
        .filter(user -> user.email() != null)
        .map(ContractRecipients::staff)
        .toList();
  }

  private static Addressee staff(UserAccount user) {
    return new Addressee(new Recipient(user.email(), user.displayName()), Locale.ENGLISH);
  }

  /** A recipient and the language of their notice. */
  record Addressee(Recipient recipient, Locale locale) {

    String name() {
      return recipient.name() == null ? recipient.email() : recipient.name();
    }
  }
}
