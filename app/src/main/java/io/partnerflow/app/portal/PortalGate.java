package io.partnerflow.app.portal;

import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The contract gates the portal: until the partner organisation has a signed (and, where required,
 * countersigned) agreement in force, its users get only the contract step. Views are rerouted by
 * {@code portal.ui.PortalGateGuard}; services of portal features call {@link #requireOpen()} so the
 * rule holds on the server whatever the browser asks for. Staff are never gated.
 */
@Service
public class PortalGate {

  private final CurrentUser currentUser;
  private final ContractSigning contracts;

  PortalGate(CurrentUser currentUser, ContractSigning contracts) {
    this.currentUser = currentUser;
    this.contracts = contracts;
  }

  /** Whether the current user may use the whole portal (always, for staff). */
  public boolean isOpen() {
    return currentUser.get().map(this::isOpenFor).orElse(false);
  }

  /** Whether a partner user is logged in whose portal is closed (false when nobody is). */
  public boolean isClosedForCurrentUser() {
    return currentUser.get().map(user -> !isOpenFor(user)).orElse(false);
  }

  /**
   * @throws PortalClosedException when the current user is a partner user whose organisation has no
   *     signed agreement in force (or who belongs to no organisation)
   */
  public void requireOpen() {
    if (!isOpen()) {
      throw new PortalClosedException();
    }
  }

  private boolean isOpenFor(UserAccount user) {
    if (!PartnerMembership.isPartnerUser(user)) {
      return true;
    }
    return user.partnerId() != null && contracts.hasSignedContract(user.partnerId());
  }

  /** Refused: the organisation's agreement is not signed yet. */
  public static class PortalClosedException extends AccessDeniedException {

    public PortalClosedException() {
      super("The partner agreement is not signed yet; only the contract step is open");
    }
  }
}
