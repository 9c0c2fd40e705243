/**
 * The partner portal around the tasks: its home, the gate that keeps everything but the contract
 * step closed until the organisation has signed its agreement ({@link
 * io.partnerflow.app.portal.PortalGate}), and the main contact's invitations of colleagues.
 */
package io.partnerflow.app.portal;
