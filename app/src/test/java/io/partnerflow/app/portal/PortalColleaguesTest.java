package io.partnerflow.app.portal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.OutboxNotice;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.portal.ui.ColleaguesView;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.PortalMember;
import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.PortalRole;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The main contact invites colleagues with portal roles; nobody else does. */
@PartnerflowTest
class PortalColleaguesTest {

  @Autowired PortalColleagues colleagues;
  @Autowired PartnerService partners;
  @Autowired InvitationService invitations;
  @Autowired UserAccountService accounts;
  @Autowired PartnerMembership membership;
  @Autowired NotificationService notifications;
  @Autowired UserDetailsService userDetails;
  @Autowired ApplicationContext context;
  @Autowired PortalMembers members;

  private long partnerA;
  private String mainContactA;
  private String mainContactB;

  @BeforeEach
  void setUp() {
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    partnerA = partners.create(partner("Colleagues A"));
    long partnerB = partners.create(partner("Colleagues B"));
    mainContactA = invitations.invitePartnerUser(email(), "Ann Main", partnerA).username();
    mainContactB = invitations.invitePartnerUser(email(), "Bea Main", partnerB).username();
    SecurityContextHolder.clearContext();
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldShowAnAccountWithItsOwnPasswordAsActiveAndAnInviteeAsInvited() {
    // given: an account created with its own password and then linked to the organisation, as the
    // demo partner user is at start-up
    String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createIfAbsent(
        new NewUserAccount(
            own, "a-password-of-its-own", "Pat Own", null, Set.of(Role.PARTNER), Set.of()));
    SystemIdentity.call(() -> accounts.linkToPartner(own, partnerA));

    // when
    List<PortalMember> listed = SystemIdentity.call(() -> members.ofPartner(partnerA));

    // then: the linked account is active; the invited main contact waits for the link
    assertThat(listed)
        .extracting(PortalMember::username, PortalMember::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(own, PortalMember.State.ACTIVE),
            org.assertj.core.groups.Tuple.tuple(mainContactA, PortalMember.State.INVITED));
  }

  @Test
  void shouldInviteASignatoryWhoThenHoldsTheSignatoriesGroup() {
    // given
    loginAs(mainContactA);
    String address = email();

    // when
    PortalMember invited =
        colleagues.invite(
            new ColleagueInvitation("  Sam Signer ", address, PortalRole.SIGNATORY),
            Locale.SIMPLIFIED_CHINESE);

    // then: an account of the organisation, invited, with the role's group
    assertThat(invited.displayName()).isEqualTo("Sam Signer");
    assertThat(invited.roles()).containsExactly(PortalRole.SIGNATORY);
    assertThat(invited.state()).isEqualTo(PortalMember.State.INVITED);
    assertThat(colleagues.colleagues())
        .extracting(PortalMember::username)
        .containsExactlyInAnyOrder(mainContactA, address);
    assertThat(membership.taskGroups(accounts.findByUsername(address).orElseThrow()))
        .containsExactlyInAnyOrder(
            PartnerGroups.organisation(partnerA), PartnerGroups.signatories(partnerA));
    // and the invitation e-mail in the inviter's language, its link masked until sent
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    List<OutboxNotice> notices =
        notifications.findByReference(Reference.of(Reference.PARTNER, partnerA));
    assertThat(notices)
        .filteredOn(notice -> notice.recipientEmail().equals(address))
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.template()).isEqualTo("portal-invitation");
              assertThat(notice.locale()).startsWith("zh");
              assertThat(notice.body()).contains("Sam Signer").doesNotContain("/invitation/");
            });
  }

  @Test
  void shouldLetOnlyTheMainContactInviteAndOnlyColleagueRoles() {
    // given: a sales colleague of A
    loginAs(mainContactA);
    String sales = email();
    colleagues.invite(
        new ColleagueInvitation("Sal Sales", sales, PortalRole.SALES), Locale.ENGLISH);

    // when / then: the sales colleague cannot invite, nobody invites a second main contact
    loginAs(sales);
    assertThat(colleagues.mayInvite()).isFalse();
    assertThatThrownBy(
            () ->
                colleagues.invite(
                    new ColleagueInvitation("Eve", email(), PortalRole.SIGNATORY), Locale.ENGLISH))
        .isInstanceOf(AccessDeniedException.class);
    loginAs(mainContactA);
    assertThatThrownBy(
            () ->
                colleagues.invite(
                    new ColleagueInvitation("Max", email(), PortalRole.MAIN_CONTACT),
                    Locale.ENGLISH))
        .isInstanceOfSatisfying(
            InvalidInvitationException.class,
            invalid -> assertThat(invalid.errors()).containsKey("role"));
    // B's main contact sees B's users only
    loginAs(mainContactB);
    assertThat(colleagues.colleagues())
        .extracting(PortalMember::username)
        .containsExactly(mainContactB);
  }

  @Test
  void shouldRefuseBadInputAndAnExistingAccountWithFieldErrors() {
    loginAs(mainContactA);
    assertThatThrownBy(
            () ->
                colleagues.invite(
                    new ColleagueInvitation(" ", "not-an-address", null), Locale.ENGLISH))
        .isInstanceOfSatisfying(
            InvalidInvitationException.class,
            invalid ->
                assertThat(invalid.errors())
                    .containsEntry("name", "portal.error.required")
                    .containsEntry("email", "portal.error.email")
                    .containsEntry("role", "portal.error.role"));
    assertThatThrownBy(
            () ->
                colleagues.invite(
                    new ColleagueInvitation("Imposter", "manager", PortalRole.SALES),
                    Locale.ENGLISH))
        .isInstanceOf(InvalidInvitationException.class);
    assertThatThrownBy(
            () ->
                colleagues.invite(
                    new ColleagueInvitation("Again", mainContactB, PortalRole.SALES),
                    Locale.ENGLISH))
        .isInstanceOfSatisfying(
            InvalidInvitationException.class,
            invalid ->
                assertThat(invalid.errors()).containsEntry("email", "portal.error.accountExists"));
    assertThat(accounts.findByUsername(mainContactB).orElseThrow().partnerId())
        .isNotEqualTo(partnerA);
  }

  @Test
  void shouldKeepWhatWasTypedAndMarkTheFieldWhenTheInvitationIsRefused() {
    KaribuSupport.setUp(context);
    try {
      KaribuSupport.login(context, mainContactA);
      UI.getCurrent().navigate(ColleaguesView.class);
      _get(EmailField.class, spec -> spec.withId("colleague-email")).setValue(mainContactB);
      _get(TextField.class, spec -> spec.withId("colleague-name")).setValue("Again");

      // when: no role chosen, address taken
      _click(_get(Button.class, spec -> spec.withId("invite-colleague")));

      // then
      EmailField address = _get(EmailField.class, spec -> spec.withId("colleague-email"));
      assertThat(address.getValue()).isEqualTo(mainContactB);
      assertThat(_get(TextField.class, spec -> spec.withId("colleague-name")).getValue())
          .isEqualTo("Again");
      assertThat(
              _get(com.vaadin.flow.component.select.Select.class, s -> s.withId("colleague-role"))
                  .isInvalid())
          .isTrue();
    } finally {
      KaribuSupport.tearDown();
    }
  }

  private static io.partnerflow.app.partner.NewPartner partner(String name) {
    return PartnerTestData.newPartner(
        PartnerTestData.unique(name), PartnerType.RESELLER, PartnerTier.SILVER);
  }

  private static String email() {
    return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@colleague.example";
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
