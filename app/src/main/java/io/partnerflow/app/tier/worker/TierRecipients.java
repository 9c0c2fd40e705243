package io.partnerflow.app.tier.worker;

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
 * Who hears about a tier change: the partner's main contact (Chinese for partners in China, else
 * English) and the partner's manager (the owner; without one, every partner manager), staff in
 * English like the other staff notices.
 */
@Component
class TierRecipients {

  static final String MANAGERS = "partner-managers";

  private final PartnerService partners;
  private final UserAccountService users;

  TierRecipients(PartnerService partners, UserAccountService users) {
    this.partners = partners;
    this.users = users;
  }

  List<Addressee> of(Partner partner) {
    Locale locale = "CN".equals(partner.country()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    List<Addressee> contact =
        SystemIdentity.call(() -> partners.contacts(partner.id())).stream()
            .filter(PartnerContact::primary)
            .map(c -> new Addressee(new Recipient(c.email(), c.name()), locale))
            .toList();
    return java.util.stream.Stream.concat(contact.stream(), manager(partner).stream()).toList();
  }

  private List<Addressee> manager(Partner partner) {
    if (partner.ownerUsername() != null) {
      List<Addressee> owner =
          users.findByUsername(partner.ownerUsername()).stream()
              .filter(user -> user.enabled() && user.email() != null)
              .map(TierRecipients::staff)
              .toList();
      if (!owner.isEmpty()) {
        return owner;
      }
    }
    return SystemIdentity.call(() -> users.membersOf(MANAGERS)).stream()
        .filter(user -> user.email() != null)
        .map(TierRecipients::staff)
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
