package io.partnerflow.app.recruitment.worker;

import io.partnerflow.app.notification.SecretLinkIssuer;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.InvitationService;
import org.springframework.stereotype.Component;

/**
 * Issues a portal user's one-time link when the invitation e-mail is sent; it replaces every older
 * link of that user.
 */
@Component
public class InvitationLinkIssuer implements SecretLinkIssuer {

  public static final String KIND = "portal-invitation";

  private final InvitationService invitations;
  private final RecruitmentProperties properties;

  InvitationLinkIssuer(InvitationService invitations, RecruitmentProperties properties) {
    this.invitations = invitations;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String issue(String userId) {
    return properties.link("invitation/" + invitations.issueLink(Long.parseLong(userId)).token());
  }
}
