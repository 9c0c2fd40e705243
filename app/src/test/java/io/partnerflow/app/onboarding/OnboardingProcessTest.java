package io.partnerflow.app.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.contract.SignatureInput;
import io.partnerflow.app.contract.SigningTask;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.learning.CourseTaker;
import io.partnerflow.app.enablement.learning.LearningFixtures;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.enablement.learning.QuizAttempts;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerEvent;
import io.partnerflow.app.partner.PartnerGroups;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.PlanFixtures;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * bpmn/partner-onboarding.bpmn: started once per partner by its message, the partner's status
 * follows the spine from onboarding through the contract to active (or cancelled); after the
 * contract the joint business plan and the learning plan (partner-enablement) side by side: ACTIVE
 * once the plan is approved and, where the learning plan says so, the training is done.
 */
@PartnerflowTest
class OnboardingProcessTest {

  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ContractSigning signing;
  @Autowired OnboardingStarter starter;
  @Autowired LearningService learning;
  @Autowired QuizAttempts quizAttempts;
  @Autowired CatalogueService catalogue;
  @Autowired BusinessPlans plans;

  @BeforeEach
  void deployTheRepositoryModels() {
    deployments.deploy(deployments.configuredModels());
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldCarryAnApprovedPartnerThroughTheContractToActiveOnce() throws Exception {
    // given
    long partnerId = newPartner(PartnerType.REFERRAL, PartnerTier.REGISTERED);
    String signatory = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");

    // when: the start is published twice (a retried job)
    starter.start(partnerId);
    starter.start(partnerId);

    // then: one contract to sign, the partner pending and not yet signed
    UserTask sign = awaitSigningTask(partnerId);
    await(() -> Optional.of(status(partnerId)).filter("CONTRACT_PENDING"::equals));
    loginAs(signatory);
    assertThat(signing.hasSignedContract(partnerId)).isFalse();
    SigningTask shown = signing.open(sign.getUserTaskKey());
    signing.sign(
        sign.getUserTaskKey(),
        new SignatureInput("Sam Signatory", true, shown.document().sha256(), null, null));
    SecurityContextHolder.clearContext();
    // not active before the joint business plan is approved
    assertThat(status(partnerId)).isEqualTo("CONTRACT_PENDING");
    new PlanFixtures(plans, userDetails).approve(partnerId, signatory, "manager");
    await(() -> Optional.of(status(partnerId)).filter("ACTIVE"::equals));
    loginAs(signatory);
    assertThat(signing.hasSignedContract(partnerId)).isTrue();
    assertThat(contracts(partnerId)).isEqualTo(1);
    assertThat(SystemIdentity.call(() -> partners.timeline(partnerId)))
        .filteredOn(event -> event.kind() == PartnerEvent.Kind.STATUS_CHANGED)
        .extracting(PartnerEvent::newValue)
        .containsExactly("ACTIVE", "CONTRACT_PENDING");
    // and, active already (a referral partner's plan does not come first), its people train:
    // the enablement journey enrolled the signatory on the plan's courses
    assertThat(
            await(() -> Optional.of(enrolledCodes(signatory)).filter(codes -> codes.size() == 2)))
        .containsExactly("deal-registration", "sales-fundamentals");
  }

  @Test
  void shouldActivateADistributorOnlyAfterItsPeopleFinishedTheLearningPlan() throws Exception {
    // given: distributors train before they go active (learning-plan.dmn)
    long partnerId = newPartner(PartnerType.DISTRIBUTOR, PartnerTier.SILVER);
    String signatory = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    starter.start(partnerId);
    UserTask sign = awaitSigningTask(partnerId);
    loginAs(signatory);
    SigningTask shown = signing.open(sign.getUserTaskKey());
    signing.sign(
        sign.getUserTaskKey(),
        new SignatureInput("Sam Signatory", true, shown.document().sha256(), null, null));
    SecurityContextHolder.clearContext();
    // distributors' agreements are countersigned by legal (contract-template.dmn)
    UserTask countersign =
        await(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        filter ->
                            filter
                                .processInstanceKey(sign.getProcessInstanceKey())
                                .elementId("countersign-contract")
                                .state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .findFirst());
    loginAs("legal");
    SigningTask toCountersign = signing.open(countersign.getUserTaskKey());
    signing.sign(
        countersign.getUserTaskKey(),
        new SignatureInput("Lee Legal", true, toCountersign.document().sha256(), null, null));
    SecurityContextHolder.clearContext();

    // when: the contract is in force and the plan is assigned
    long userId = users.findByUsername(signatory).orElseThrow().id();
    List<Long> enrolments =
        await(
            () ->
                Optional.of(
                        jdbc.sql("SELECT id FROM app.enrolment WHERE user_id = :u ORDER BY id")
                            .param("u", userId)
                            .query(Long.class)
                            .list())
                    .filter(ids -> ids.size() == 2));

    // then: not active while the people train, even with the plan approved meanwhile
    new PlanFixtures(plans, userDetails).approve(partnerId, signatory, "manager");
    Thread.sleep(1000);
    assertThat(status(partnerId)).isEqualTo("CONTRACT_PENDING");

    // when: both courses finished (one passed, one out of attempts)
    LearningFixtures fixtures = new LearningFixtures(partners, users, userDetails, jdbc);
    CourseTaker taker = new CourseTaker(learning, quizAttempts, catalogue, fixtures);
    taker.take(signatory, enrolments.get(0), true);
    taker.take(signatory, enrolments.get(1), false);

    // then
    await(() -> Optional.of(status(partnerId)).filter("ACTIVE"::equals));
    assertThat(SystemIdentity.call(() -> partners.timeline(partnerId)))
        .filteredOn(event -> event.kind() == PartnerEvent.Kind.STATUS_CHANGED)
        .extracting(PartnerEvent::newValue)
        .containsExactly("ACTIVE", "CONTRACT_PENDING");
  }

  private java.util.Set<String> enrolledCodes(String username) {
    return new java.util.TreeSet<>(
        jdbc.sql(
                "SELECT c.code FROM app.enrolment e JOIN app.app_user u ON u.id = e.user_id"
                    + " JOIN app.course_version v ON v.id = e.course_version_id"
                    + " JOIN app.course c ON c.id = v.course_id WHERE u.username = :u")
            .param("u", username)
            .query(String.class)
            .list());
  }

  @Test
  void shouldCancelTheOnboardingWhenTheContractIsCancelled() throws Exception {
    // given
    long partnerId = newPartner(PartnerType.RESELLER, PartnerTier.REGISTERED);
    String signatory = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-password-1");
    starter.start(partnerId);
    UserTask sign = awaitSigningTask(partnerId);

    // when: the partner declines and the manager cancels
    loginAs(signatory);
    signing.decline(sign.getUserTaskKey(), "Not for us.");
    SecurityContextHolder.clearContext();
    UserTask handle =
        await(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        filter ->
                            filter
                                .processInstanceKey(sign.getProcessInstanceKey())
                                .elementId("handle-declined-contract")
                                .state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .findFirst());
    client.newAssignUserTaskCommand(handle.getUserTaskKey()).assignee("manager").send().join();
    client
        .newCompleteUserTaskCommand(handle.getUserTaskKey())
        .variables(Map.of("decision", "cancel"))
        .action(CompletionGuard.actionOf("manager"))
        .send()
        .join();

    // then
    await(() -> Optional.of(status(partnerId)).filter("ONBOARDING_CANCELLED"::equals));
  }

  @Test
  void shouldLinkTheDemoPartnerUserToAnOrganisationWithItsContractOut() throws Exception {
    // the demo profile links user "partner" to an organisation in the middle of onboarding
    UserAccount demo = users.findByUsername("partner").orElseThrow();
    assertThat(demo.partnerId()).isNotNull();
    long partnerId = demo.partnerId();
    await(() -> Optional.of(contracts(partnerId)).filter(count -> count > 0));
    assertThat(status(partnerId)).isEqualTo("CONTRACT_PENDING");
    loginAs("partner");
    assertThat(partners.findById(partnerId).orElseThrow().name()).isEqualTo("Demo Partner GmbH");
    assertThat(signing.hasSignedContract(partnerId)).isFalse();
    // its signing task, unless a test moved the engine clock past its 30 days
    Optional<UserTask> sign = openSigningTask(partnerId);
    if (sign.isPresent()) {
      assertThat(signing.open(sign.get().getUserTaskKey()).partnerName())
          .isEqualTo("Demo Partner GmbH");
    }
  }

  private long newPartner(PartnerType type, PartnerTier tier) {
    String name = PartnerTestData.unique("Onboarding Partner");
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    name,
                    null,
                    "DE",
                    type,
                    tier,
                    "manager",
                    PartnerContact.primary(
                        "Sam Signatory",
                        name.replaceAll("[^A-Za-z0-9]", "").toLowerCase() + "@partner.example",
                        null),
                    50,
                    null)));
  }

  private UserTask awaitSigningTask(long partnerId) throws InterruptedException {
    return await(() -> openSigningTask(partnerId));
  }

  private Optional<UserTask> openSigningTask(long partnerId) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter ->
                filter
                    .candidateGroup(PartnerGroups.signatories(partnerId))
                    .elementId("sign-contract")
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items()
        .stream()
        .findFirst();
  }

  private String status(long partnerId) {
    return jdbc.sql("SELECT status FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  private long contracts(long partnerId) {
    return jdbc.sql("SELECT count(*) FROM app.contract WHERE partner_id = :id")
        .param("id", partnerId)
        .query(Long.class)
        .single();
  }

  private void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(45));
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within 45 s");
  }
}
