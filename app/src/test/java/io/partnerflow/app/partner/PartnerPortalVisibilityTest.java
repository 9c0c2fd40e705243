package io.partnerflow.app.partner;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.partner.ui.PartnerView;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A partner user sees their organisation, contacts and their own tasks — not the fit score, the
 * screening and other internal steps, nor the names of staff users.
 */
@PartnerflowTest
class PartnerPortalVisibilityTest {

  private static final String INTERNAL_STEP = "Screen against denied parties";
  private static final String OWN_STEP = "Upload your company registration";

  @Autowired ApplicationContext context;
  @Autowired PartnerService partners;
  @Autowired PartnerProcessHistory history;
  @Autowired UserAccountService users;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private long partnerId;
  private String partnerUser;

  @BeforeEach
  void partnerWithAnInternalAndAnOwnStep() throws Exception {
    // given: owned by "manager", scored, its tier changed by the manager, and a process with a
    // screening step (internal) and a task for the partner
    actAs("manager", "ROLE_PARTNER_MANAGER");
    try {
      partnerId =
          partners.create(newPartner(unique("Portal"), PartnerType.RESELLER, PartnerTier.SILVER));
      partners.changeTier(partnerId, PartnerTier.GOLD);
    } finally {
      SecurityContextHolder.clearContext();
    }
    partnerUser = PartnerTestData.partnerUser(users, jdbc, partnerId, "portal password 1");
    PartnerTestData.agreementInForce(jdbc, partnerId);
    String processId = "portal-visibility-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("screening", t -> t.name(INTERNAL_STEP).zeebeJobType(processId))
                .endEvent()
                .moveToNode("fork")
                .userTask(
                    "upload",
                    t -> t.name(OWN_STEP).zeebeUserTask().zeebeCandidateGroups("partners"))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("partnerId", partnerId))
        .send()
        .join();
    awaitSteps();
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldGiveAPartnerUserNeitherTheScoreNorTheOwnerNorStaffNames() {
    // given
    KaribuSupport.login(context, partnerUser);

    // when
    Partner shown = partners.findById(partnerId).orElseThrow();
    List<PartnerEvent> timeline = partners.timeline(partnerId);

    // then
    assertThat(shown.fitScore()).isNull();
    assertThat(shown.ownerUsername()).isNull();
    assertThat(timeline).isNotEmpty().allSatisfy(event -> assertThat(event.actor()).isNull());
    assertThat(history.of(partnerId))
        .extracting(ProcessStep::elementName)
        .containsExactly(OWN_STEP);
  }

  @Test
  void shouldRenderThePartnersPageWithoutInternals() {
    // given
    KaribuSupport.login(context, partnerUser);

    // when
    UI.getCurrent().navigate("partners/" + partnerId);

    // then
    String page = _get(PartnerView.class).getElement().getTextRecursively();
    UI ui = UI.getCurrent();
    assertThat(page)
        .contains(OWN_STEP)
        .doesNotContain(INTERNAL_STEP)
        .doesNotContain("manager")
        .doesNotContain(ui.getTranslation("partner.field.fitScore"))
        .doesNotContain(ui.getTranslation("partner.field.owner"))
        .doesNotContain("portal-visibility-");
  }

  @Test
  void shouldStillShowStaffEverything() {
    // given
    KaribuSupport.login(context, "manager");

    // when
    UI.getCurrent().navigate("partners/" + partnerId);

    // then: the same page for staff names the owner, the score and the internal step
    String page = _get(PartnerView.class).getElement().getTextRecursively();
    assertThat(page)
        .contains(INTERNAL_STEP)
        .contains("manager")
        .contains(UI.getCurrent().getTranslation("partner.field.fitScore"));
  }

  private void awaitSteps() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      actAs("manager", "ROLE_PARTNER_MANAGER");
      try {
        List<String> names = history.of(partnerId).stream().map(ProcessStep::elementName).toList();
        if (names.contains(OWN_STEP) && names.contains(INTERNAL_STEP)) {
          return;
        }
      } finally {
        SecurityContextHolder.clearContext();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the process did not reach both steps");
  }
}
