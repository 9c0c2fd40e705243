package io.partnerflow.app.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.TierFixtures;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Who sees a partner's tier progress: checked by {@link TierProgress} on the server. */
@PartnerflowTest
class TierProgressAccessTest {

  @Autowired TierProgress progress;
  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired CertificationService certifications;
  @Autowired TierReviewRequests requests;

  private TierFixtures fixtures;
  private long partnerA;
  private long partnerB;
  private String userOfA;
  private String userOfB;

  @BeforeEach
  void twoPartners() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new TierFixtures(client, partners, users, jdbc, certifications, requests);
    partnerA = fixtures.partnerWithAgreement(PartnerTier.SILVER);
    fixtures.certify(partnerA, TierFixtures.SALES, 2);
    partnerB = fixtures.partnerWithAgreement(PartnerTier.REGISTERED);
    userOfA = PartnerTestData.partnerUser(users, jdbc, partnerA, TierFixtures.PASSWORD);
    userOfB = PartnerTestData.partnerUser(users, jdbc, partnerB, TierFixtures.PASSWORD);
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldShowAPartnerUserTheirOwnProgressPerTier() {
    // given
    loginAs(userOfA);

    // when
    TierOverview mine = progress.mine().orElseThrow();

    // then: silver met, gold 2 of 2 sales but 0 of 1 engineers
    assertThat(mine).isEqualTo(progress.of(partnerA));
    assertThat(mine.current()).isEqualTo(PartnerTier.SILVER);
    assertThat(mine.qualifiesFor()).isEqualTo(PartnerTier.SILVER);
    assertThat(mine.tiers())
        .extracting(TierStanding::tier)
        .containsExactly(PartnerTier.SILVER, PartnerTier.GOLD, PartnerTier.PLATINUM);
    TierStanding gold = TierRules.of(mine.tiers(), PartnerTier.GOLD);
    assertThat(gold.met()).isFalse();
    assertThat(gold.requirements())
        .extracting(
            p -> p.requirement().requirement() + " " + p.requirement().certification(),
            RequirementProgress::have,
            p -> p.requirement().required())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("contract null", 1L, 1L),
            org.assertj.core.groups.Tuple.tuple("certification " + TierFixtures.SALES, 2L, 2L),
            org.assertj.core.groups.Tuple.tuple("certification " + TierFixtures.ENGINEER, 0L, 1L));
  }

  @Test
  void shouldRefuseAPartnerUserAnotherOrganisationsProgressLikeAnUnknownOne() {
    // given
    loginAs(userOfB);

    // then
    assertThatThrownBy(() -> progress.of(partnerA)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> progress.of(Long.MAX_VALUE))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("No such partner");
    assertThat(progress.mine().orElseThrow().current()).isEqualTo(PartnerTier.REGISTERED);
  }

  @Test
  void shouldShowTheProgressToTheOwningManagerEnablementAndAdministrators() {
    for (String staff : new String[] {"manager", "enablement", "admin"}) {
      loginAs(staff);
      assertThat(progress.of(partnerA).current()).as(staff).isEqualTo(PartnerTier.SILVER);
    }
  }

  @Test
  void shouldRefuseLegalAndAManagerWhoDoesNotOwnThePartner() {
    // given: the demo partners are the demo manager's; another manager who is no team lead
    String otherManager = "manager-" + UUID.randomUUID().toString().substring(0, 8);
    users.createIfAbsent(
        new NewUserAccount(
            otherManager,
            TierFixtures.PASSWORD,
            "Other Manager",
            null,
            Set.of(Role.PARTNER_MANAGER),
            Set.of("partner-managers")));
    loginAs(otherManager);
    assertThatThrownBy(() -> progress.of(partnerA)).isInstanceOf(AccessDeniedException.class);

    loginAs("legal");
    assertThatThrownBy(() -> progress.of(partnerA)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldShowATeamLeadTheProgressOfEveryManagersPartners() {
    // given: "lead" is a partner manager in the team leads' group, the partner is "manager"'s
    loginAs("lead");

    // then
    assertThat(progress.of(partnerA).current()).isEqualTo(PartnerTier.SILVER);
    assertThat(progress.of(partnerB).current()).isEqualTo(PartnerTier.REGISTERED);
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
