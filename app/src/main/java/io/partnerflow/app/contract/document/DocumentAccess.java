package io.partnerflow.app.contract.document;

import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.Role;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read a contract document: administrators, partner managers, legal and process workers
 * every one; a partner user those of their own organisation. Enablement staff run training and do
 * not read agreements. Ids are sequential, so this check is what protects a document: an unknown id
 * and another partner's id are refused alike, with the same message.
 */
@Component
class DocumentAccess {

  private static final Set<String> STAFF =
      Set.of(
          Role.ADMIN.authority(),
          Role.PARTNER_MANAGER.authority(),
          Role.LEGAL.authority(),
          PartnerService.SYSTEM);

  private final PartnerService partners;

  DocumentAccess(PartnerService partners) {
    this.partners = partners;
  }

  /** The document, if the caller may read it; refused otherwise, whether it exists or not. */
  StoredDocument check(long id, Optional<StoredDocument> found) {
    if (found.isPresent() && mayRead(found.get().partnerId())) {
      return found.get();
    }
    throw refused(id);
  }

  /** Whether the caller is staff who reads every partner's documents. */
  boolean isStaff() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(STAFF::contains);
  }

  private boolean mayRead(long partnerId) {
    if (isStaff()) {
      return true;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean partnerUser =
        authentication != null
            && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.PARTNER.authority().equals(a.getAuthority()));
    return partnerUser && partners.myPartnerId().filter(own -> own == partnerId).isPresent();
  }

  static AccessDeniedException refused(long id) {
    return new AccessDeniedException("No contract document " + id + " for you");
  }
}
