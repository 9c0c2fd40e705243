package io.partnerflow.app.contract;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.partner.ui.MyOrganisationView;
import io.partnerflow.app.portal.PortalGate;
import io.partnerflow.app.portal.ui.PortalHomeView;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.ui.PortalTaskView;
import io.partnerflow.app.tasklist.ui.TaskView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The signing and countersigning screens as the task views show them (browserless), on the real
 * contract-signing process, and the portal gate around them.
 */
@PartnerflowTest
class SigningScreensTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @Autowired ModelDeploymentService deployments;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired ContractSigning signing;
  @Autowired ContractDocuments documents;
  @Autowired PortalGate gate;

  private ContractFixtures fixtures;

  @BeforeEach
  void setUp() {
    deployments.deploy(deployments.configuredModels());
    fixtures = new ContractFixtures(client, partners, users, userDetails, jdbc, signing);
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldGateThePortalAndLetTheSignatorySignOnTheSigningScreen() throws Exception {
    // given: a gold reseller's agreement out for signature
    long partnerId = fixtures.partner(PartnerType.RESELLER, PartnerTier.GOLD, "DE");
    String signatory = fixtures.partnerUser(partnerId);
    long instance = fixtures.startSigning(partnerId);
    UserTask task = fixtures.awaitTask(instance, "sign-contract");
    KaribuSupport.login(context, signatory);

    // then: only the contract step is open, on the page and on the server
    UI.getCurrent().navigate(MyOrganisationView.class);
    _get(PortalHomeView.class);
    _get(
        com.vaadin.flow.router.RouterLink.class,
        spec -> spec.withId("contract-task-" + task.getUserTaskKey()));
    assertThat(gate.isOpen()).isFalse();
    assertThatThrownBy(gate::requireOpen).isInstanceOf(PortalGate.PortalClosedException.class);

    // when: the signing screen
    UI.getCurrent()
        .navigate(
            PortalTaskView.class,
            new RouteParameters("key", String.valueOf(task.getUserTaskKey())));

    // then: the document's pages and its download; Sign waits for name and consent
    assertThat(_find(Image.class, spec -> spec.withClasses("contract-page"))).isNotEmpty();
    assertThat(_get(Anchor.class, spec -> spec.withId("contract-download")).getHref()).isNotBlank();
    Button sign = _get(Button.class, spec -> spec.withId("sign-contract"));
    assertThat(sign.isEnabled()).isFalse();
    _get(TextField.class, spec -> spec.withId("signer-name")).setValue("Sam Signatory");
    assertThat(sign.isEnabled()).isFalse();
    _get(Checkbox.class, spec -> spec.withId("signer-consent")).setValue(true);
    assertThat(sign.isEnabled()).isTrue();

    // when: a decline without reason is refused and loses nothing
    _click(_get(Button.class, spec -> spec.withId("decline-contract")));
    assertThat(_get(TextArea.class, spec -> spec.withId("decline-reason")).isInvalid()).isTrue();
    assertThat(_get(TextField.class, spec -> spec.withId("signer-name")).getValue())
        .isEqualTo("Sam Signatory");
    assertThat(stateOf(task.getUserTaskKey())).isEqualTo(UserTaskState.CREATED);

    // when: signed
    _click(sign);

    // then: the task is done with the request's evidence, the portal still waits for legal
    assertThat(stateOf(task.getUserTaskKey())).isEqualTo(UserTaskState.COMPLETED);
    long contractId = ((Number) fixtures.contractOf(instance).get("id")).longValue();
    List<Map<String, Object>> signatures = fixtures.signaturesOf(contractId);
    assertThat(signatures).hasSize(1);
    assertThat(signatures.get(0))
        .containsEntry("account", signatory)
        .containsEntry("typed_name", "Sam Signatory");
    assertThat(signatures.get(0).get("client_address")).isNotNull();
    _get(PortalHomeView.class);

    // and legal sees the partner's evidence, must comment to request changes
    UserTask countersign = fixtures.awaitTask(instance, "countersign-contract");
    KaribuSupport.login(context, "legal");
    UI.getCurrent()
        .navigate(
            TaskView.class,
            new RouteParameters("key", String.valueOf(countersign.getUserTaskKey())));
    @SuppressWarnings("unchecked")
    Grid<SignatureEvidence> evidence = _get(Grid.class, spec -> spec.withId("contract-evidence"));
    assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(evidence)).isEqualTo(1);
    assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(evidence, 0).account())
        .isEqualTo(signatory);
    _click(_get(Button.class, spec -> spec.withId("request-changes")));
    assertThat(_get(TextArea.class, spec -> spec.withId("change-comment")).isInvalid()).isTrue();
    _get(TextArea.class, spec -> spec.withId("change-comment")).setValue("Clause 4: 60 days");
    _click(_get(Button.class, spec -> spec.withId("request-changes")));
    assertThat(stateOf(countersign.getUserTaskKey())).isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void shouldKeepPartnerBOutOfPartnerAsSigningTaskAndDocument() throws Exception {
    // given
    long partnerA = fixtures.partner(PartnerType.RESELLER, PartnerTier.SILVER, "DE");
    long partnerB = fixtures.partner(PartnerType.RESELLER, PartnerTier.SILVER, "DE");
    String userB = fixtures.partnerUser(partnerB);
    long instance = fixtures.startSigning(partnerA);
    UserTask task = fixtures.awaitTask(instance, "sign-contract");
    long documentId =
        ((Number) fixtures.contractOf(instance).get("current_document_id")).longValue();

    // when: B guesses the task's address
    KaribuSupport.login(context, userB);
    UI.getCurrent()
        .navigate(
            PortalTaskView.class,
            new RouteParameters("key", String.valueOf(task.getUserTaskKey())));

    // then: no signing screen; the services refuse B too
    assertThat(_find(Button.class, spec -> spec.withId("sign-contract"))).isEmpty();
    assertThatThrownBy(() -> signing.open(task.getUserTaskKey()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> documents.content(documentId))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> documents.describe(documentId))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(stateOf(task.getUserTaskKey())).isEqualTo(UserTaskState.CREATED);
  }

  private UserTaskState stateOf(long taskKey) {
    return client.newUserTaskGetRequest(taskKey).send().join().getState();
  }
}
