package io.partnerflow.app.partner;

import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@PartnerflowTest
class PartnerServiceTest {

  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void logInAsManager() {
    actAs("manager", "ROLE_PARTNER_MANAGER");
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldCreateAProspectWithItsPrimaryContactAndACreatedEvent() {
    // given
    String name = unique("Create Co");

    // when
    long id = partners.create(newPartner(name, PartnerType.RESELLER, PartnerTier.SILVER));

    // then
    Partner partner = partners.findById(id).orElseThrow();
    assertThat(partner.name()).isEqualTo(name);
    assertThat(partner.status()).isEqualTo(PartnerStatus.ONBOARDING);
    assertThat(partner.tier()).isEqualTo(PartnerTier.SILVER);
    assertThat(partner.ownerUsername()).isEqualTo("manager");
    assertThat(partner.fitScore()).isEqualTo(75);
    assertThat(partners.contacts(id))
        .singleElement()
        .satisfies(contact -> assertThat(contact.primary()).isTrue());
    assertThat(partners.timeline(id))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(PartnerEvent.Kind.CREATED);
              assertThat(event.newValue()).isEqualTo("SILVER");
              assertThat(event.actor()).isEqualTo("manager");
            });
  }

  @Test
  void shouldSearchByTextAndFiltersWithTotalsAndPages() {
    // given
    String tag = unique("Searchable");
    partners.create(newPartner(tag + " Alpha", PartnerType.RESELLER, PartnerTier.GOLD));
    partners.create(newPartner(tag + " Bravo", PartnerType.TECHNOLOGY, PartnerTier.SILVER));
    partners.create(newPartner(tag + " Charlie", PartnerType.TECHNOLOGY, PartnerTier.PLATINUM));
    partners.create(newPartner(tag + " Delta", PartnerType.REFERRAL, PartnerTier.REGISTERED));
    partners.create(newPartner(tag + " Echo", PartnerType.TECHNOLOGY, PartnerTier.GOLD));
    PartnerFilter byTag = PartnerFilter.all().withText(tag.toLowerCase());

    // when
    PartnerPage secondPage = partners.search(byTag, List.of(PartnerSort.byName()), 2, 2);
    PartnerPage technology =
        partners.search(
            byTag.withType(PartnerType.TECHNOLOGY), List.of(PartnerSort.byName()), 0, 10);
    PartnerPage goldTechnology =
        partners.search(
            byTag.withType(PartnerType.TECHNOLOGY).withTier(PartnerTier.GOLD),
            List.of(PartnerSort.byName()),
            0,
            10);
    PartnerPage byTierDescending =
        partners.search(byTag, List.of(new PartnerSort(PartnerSort.Field.TIER, false)), 0, 10);

    // then
    assertThat(secondPage.total()).isEqualTo(5);
    assertThat(secondPage.items())
        .extracting(Partner::name)
        .containsExactly(tag + " Charlie", tag + " Delta");
    assertThat(technology.total()).isEqualTo(3);
    assertThat(partners.count(byTag.withType(PartnerType.TECHNOLOGY))).isEqualTo(3);
    assertThat(goldTechnology.items()).extracting(Partner::name).containsExactly(tag + " Echo");
    assertThat(byTierDescending.items())
        .extracting(Partner::tier)
        .containsExactly(
            PartnerTier.PLATINUM,
            PartnerTier.GOLD,
            PartnerTier.GOLD,
            PartnerTier.SILVER,
            PartnerTier.REGISTERED);
    assertThat(partners.count(byTag.withStatus(PartnerStatus.ACTIVE))).isZero();
    assertThat(partners.count(byTag.withCountry("de"))).isEqualTo(5);
    assertThat(partners.count(byTag.withCountry("FR"))).isZero();
  }

  @Test
  void shouldTreatLikeWildcardsInSearchTextLiterally() {
    // given
    String tag = unique("Wild");
    partners.create(newPartner(tag + " 100% Cloud", PartnerType.RESELLER, PartnerTier.GOLD));
    partners.create(newPartner(tag + " 1000 Cloud", PartnerType.RESELLER, PartnerTier.GOLD));

    // when
    long matches = partners.count(PartnerFilter.all().withText(tag + " 100%"));

    // then
    assertThat(matches).isEqualTo(1);
  }

  @Test
  void shouldCreateOnePartnerPerApplicationWhenCalledAgain() {
    // given
    long applicationId = PartnerTestData.nextApplicationId();
    NewPartner fromApplication =
        withApplication(
            newPartner(unique("Idempotent"), PartnerType.DISTRIBUTOR, PartnerTier.REGISTERED),
            applicationId);

    // when
    long first = partners.create(fromApplication);
    long second = partners.create(fromApplication);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.partner WHERE application_id = :id")
                .param("id", applicationId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(partners.contacts(first)).hasSize(1);
    assertThat(partners.findById(first).orElseThrow().applicationId()).isEqualTo(applicationId);
  }

  @Test
  void shouldLetProcessWorkersCreatePartnersWithTheSystemAuthority() {
    // given
    actAs("system", PartnerService.SYSTEM);

    // when
    long id =
        partners.create(newPartner(unique("Worker"), PartnerType.MARKETPLACE, PartnerTier.GOLD));

    // then
    assertThat(partners.timeline(id)).extracting(PartnerEvent::actor).containsExactly("system");
  }

  @Test
  void shouldShowAPartnerUserOnlyTheirOwnOrganisation() {
    // given
    long own = partners.create(newPartner(unique("Own"), PartnerType.RESELLER, PartnerTier.GOLD));
    long other =
        partners.create(newPartner(unique("Other"), PartnerType.RESELLER, PartnerTier.GOLD));
    String user = PartnerTestData.partnerUser(users, jdbc, own, "secret-1");

    // when
    actAs(user, "ROLE_PARTNER");

    // then
    assertThat(partners.findById(own)).isPresent();
    assertThat(partners.myPartnerId()).contains(own);
    PartnerPage everything = partners.search(PartnerFilter.all(), List.of(), 0, 50);
    assertThat(everything.items()).extracting(Partner::id).containsExactly(own);
    assertThat(everything.total()).isEqualTo(1);
    assertThat(partners.count(PartnerFilter.all())).isEqualTo(1);
    assertThatThrownBy(() -> partners.findById(other)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> partners.contacts(other)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> partners.timeline(other)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> partners.findById(Long.MAX_VALUE))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldShowNothingToAPartnerUserWithoutOrganisation() {
    // given
    partners.create(newPartner(unique("Unseen"), PartnerType.RESELLER, PartnerTier.GOLD));
    String user = PartnerTestData.partnerUser(users, jdbc, null, "secret-2");

    // when
    actAs(user, "ROLE_PARTNER");

    // then
    assertThat(partners.search(PartnerFilter.all(), List.of(), 0, 50).total()).isZero();
    assertThat(partners.myPartnerId()).isEmpty();
  }

  @Test
  void shouldRefusePartnerUsersAndReadOnlyStaffToChangeOrCreatePartners() {
    // given
    long id =
        partners.create(newPartner(unique("Guarded"), PartnerType.RESELLER, PartnerTier.GOLD));
    String user = PartnerTestData.partnerUser(users, jdbc, id, "secret-3");

    // when
    actAs(user, "ROLE_PARTNER");

    // then
    assertThatThrownBy(() -> partners.changeTier(id, PartnerTier.PLATINUM))
        .isInstanceOf(AccessDeniedException.class);
    actAs("legal", "ROLE_LEGAL");
    assertThat(partners.findById(id)).isPresent();
    assertThatThrownBy(() -> partners.changeStatus(id, PartnerStatus.ACTIVE))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> partners.create(newPartner("x", PartnerType.RESELLER, PartnerTier.GOLD)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldRefuseAnonymousCallers() {
    // given
    long id = partners.create(newPartner(unique("Hidden"), PartnerType.RESELLER, PartnerTier.GOLD));
    SecurityContextHolder.getContext()
        .setAuthentication(
            new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    // then
    assertThatThrownBy(() -> partners.findById(id)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> partners.search(PartnerFilter.all(), List.of(), 0, 10))
        .isInstanceOf(AccessDeniedException.class);
    SecurityContextHolder.clearContext();
    assertThatThrownBy(() -> partners.findById(id))
        .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
  }

  @Test
  void shouldRecordTierStatusAndOwnerChangesInTheTimeline() {
    // given
    long id =
        partners.create(newPartner(unique("Changing"), PartnerType.RESELLER, PartnerTier.SILVER));

    // when
    partners.changeTier(id, PartnerTier.GOLD);
    partners.changeTier(id, PartnerTier.GOLD); // unchanged: no event
    partners.changeStatus(id, PartnerStatus.ACTIVE);
    partners.changeOwner(id, "lead");

    // then
    Partner partner = partners.findById(id).orElseThrow();
    assertThat(partner.tier()).isEqualTo(PartnerTier.GOLD);
    assertThat(partner.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(partner.ownerUsername()).isEqualTo("lead");
    assertThat(partners.timeline(id))
        .extracting(PartnerEvent::kind)
        .containsExactly(
            PartnerEvent.Kind.OWNER_CHANGED,
            PartnerEvent.Kind.STATUS_CHANGED,
            PartnerEvent.Kind.TIER_CHANGED,
            PartnerEvent.Kind.CREATED);
    assertThat(partners.timeline(id).get(2))
        .satisfies(
            event -> {
              assertThat(event.oldValue()).isEqualTo("SILVER");
              assertThat(event.newValue()).isEqualTo("GOLD");
            });
  }

  @Test
  void shouldRefuseAnOwnerWhoIsNoPartnerManager() {
    // given
    NewPartner owned =
        new NewPartner(
            unique("Owned"),
            null,
            "FR",
            PartnerType.RESELLER,
            PartnerTier.GOLD,
            "partner",
            null,
            null,
            null);

    // then
    assertThatThrownBy(() -> partners.create(owned))
        .isInstanceOfSatisfying(
            PartnerValidationException.class,
            e -> assertThat(e.fieldErrors()).containsEntry("ownerUsername", "partner.error.owner"));
  }

  private static NewPartner withApplication(NewPartner partner, long applicationId) {
    return new NewPartner(
        partner.name(),
        partner.website(),
        partner.country(),
        partner.type(),
        partner.tier(),
        partner.ownerUsername(),
        partner.contact(),
        partner.fitScore(),
        applicationId);
  }
}
