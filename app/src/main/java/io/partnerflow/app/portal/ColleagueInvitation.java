package io.partnerflow.app.portal;

import io.partnerflow.app.security.PortalRole;

/** What the main contact fills in to invite a colleague to the portal. */
public record ColleagueInvitation(String name, String email, PortalRole role) {}
