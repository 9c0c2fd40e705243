package io.partnerflow.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditEntry;
import io.partnerflow.app.audit.AuditFilter;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The console's services against the embedded engine, with instances started in each test. */
@PartnerflowTest
class MonitoringServicesTest {

  @Autowired CamundaClient client;
  @Autowired ProcessOverviewService overview;
  @Autowired InstanceSearchService search;
  @Autowired InstanceInspectionService inspection;
  @Autowired InstanceOperationsService operations;
  @Autowired MigrationService migration;
  @Autowired PartnerService partners;
  @Autowired AuditLog auditLog;

  /** The embedded engine's search settings (a test may reach inside; the app code never does). */
  @Autowired io.partnerflow.engine.state.SearchProperties engineSearch;

  private MonitoringFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new MonitoringFixtures(client);
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRetryAnIncidentSoThatTheInstanceCompletes() {
    // given: a job failed with no retries left
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.startWithIncident(processId, "payment provider down: HTTP 503");
    InstanceDetails before = inspection.inspect(instance);
    IncidentEntry incident = before.incidents().get(0);

    // when
    OperationResult result = operations.retry(incident.key());
    ActivatedJob again = fixtures.activate(processId, instance);
    client.newCompleteCommand(again.getKey()).send().join();

    // then
    assertThat(incident.message()).isEqualTo("payment provider down: HTTP 503");
    assertThat(incident.elementId()).isEqualTo("charge");
    assertThat(before.history()).extracting(ElementStep::elementId).contains("start", "charge");
    assertThat(result.succeeded()).as(result.toString()).isTrue();
    MonitoringFixtures.await(
        () -> fixtures.stateOf(instance) == ProcessInstanceState.COMPLETED, "completion");
    assertThat(inspection.inspect(instance).incidents()).isEmpty();
    assertThat(operations.retry(incident.key()).succeeded()).isFalse();
    assertThat(audit(instance))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.INCIDENT_RETRIED);
              assertThat(entry.actor()).isEqualTo("admin");
              assertThat(entry.before()).contains("payment provider down");
            });
  }

  @Test
  void shouldRetryManyIncidentsAndReportEachOnItsOwn() {
    // given
    String processId = fixtures.deployServiceProcess();
    long first = fixtures.startWithIncident(processId, "first failure");
    long second = fixtures.startWithIncident(processId, "second failure");
    List<Long> incidents =
        List.of(first, second).stream()
            .map(key -> inspection.openIncidents(key).get(0).key())
            .toList();

    // when: both, plus one that does not exist
    List<OperationResult> results =
        operations.retryAll(List.of(incidents.get(0), incidents.get(1), 1L));

    // then
    assertThat(results).extracting(OperationResult::succeeded).containsExactly(true, true, false);
    assertThat(fixtures.hasIncident(first)).isFalse();
    assertThat(fixtures.hasIncident(second)).isFalse();
    assertThat(operations.openIncidents(0, 10_000).items())
        .extracting(IncidentEntry::key)
        .doesNotContainAnyElementsOf(incidents);
  }

  @Test
  void shouldCancelARunningInstance() {
    // given
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.start(processId, Map.of());

    // when
    operations.cancel(instance);

    // then
    assertThat(fixtures.stateOf(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThatThrownBy(() -> operations.cancel(instance)).isInstanceOf(MonitoringException.class);
    assertThat(audit(instance))
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.INSTANCE_CANCELLED);
  }

  @Test
  void shouldChangeAVariableOnlyToValidJson() {
    // given
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.start(processId, Map.of("amount", 42, "note", "first"));
    VariableEntry amount = variable(instance, "amount");

    // when
    assertThatThrownBy(() -> operations.setVariable(instance, amount.key(), "{not json"))
        .isInstanceOf(MonitoringException.class)
        .hasMessage("monitoring.error.invalidJson");
    assertThatThrownBy(() -> operations.setVariable(instance, amount.key(), "1 2"))
        .isInstanceOf(MonitoringException.class);
    String unchanged = variable(instance, "amount").json();
    operations.setVariable(instance, amount.key(), "{\"value\": 43, \"currency\": \"EUR\"}");

    // then
    assertThat(unchanged).isEqualTo("42");
    assertThat(variable(instance, "amount").json()).contains("43").contains("EUR");
    assertThat(variable(instance, "note").json()).isEqualTo("\"first\"");
    assertThat(audit(instance))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.action()).isEqualTo(AuditAction.VARIABLE_CHANGED);
              assertThat(entry.subject().id()).isEqualTo("amount");
              assertThat(entry.before()).contains("42");
              assertThat(entry.after()).contains("EUR");
            });
  }

  @Test
  void shouldMigrateTheInstancesTheDryRunAllowsAndReportTheOthers() {
    // given
    String processId = fixtures.deployReviewProcess();
    long waiting = fixtures.start(processId, Map.of());
    MonitoringFixtures.await(
        () ->
            inspection.history(waiting).stream()
                .anyMatch(step -> step.elementId().equals("review")),
        "the review");
    long ended = fixtures.start(processId, Map.of());
    operations.cancel(ended);
    long source = inspection.instance(waiting).definitionKey();
    long target = fixtures.deployReviewVersion(processId, true);
    MigrationPlan plan = new MigrationPlan(target, migration.equalIds(source, target));

    // when
    List<OperationResult> results = migration.migrate(List.of(waiting, ended), plan);

    // then
    assertThat(results).extracting(OperationResult::succeeded).containsExactly(true, false);
    assertThat(results.get(1).messageKey()).isEqualTo("monitoring.migration.notActive");
    assertThat(inspection.instance(waiting).definitionKey()).isEqualTo(target);
    assertThat(inspection.instance(waiting).version()).isEqualTo(2);
    assertThat(audit(waiting))
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.INSTANCE_MIGRATED);
  }

  @Test
  void shouldFilterInstancesByStateIncidentAndPartnerName() {
    // given
    String processId = fixtures.deployServiceProcess();
    String name = PartnerTestData.unique("Monitor Partner");
    long partnerId =
        partners.create(PartnerTestData.newPartner(name, PartnerType.RESELLER, PartnerTier.GOLD));
    long ofPartner = fixtures.start(processId, Map.of("partnerId", partnerId));
    long other = fixtures.start(processId, Map.of("partnerId", partnerId + 100_000));
    long failing = fixtures.startWithIncident(processId, "boom");

    // when
    InstancePage all = search.search(InstanceQuery.all().withProcess(processId, 1), 0, 50);
    InstancePage byName =
        search.search(InstanceQuery.all().withProcess(processId, null).withOwnerName(name), 0, 50);
    InstancePage withIncident =
        search.search(InstanceQuery.all().withProcess(processId, null).withIncident(true), 0, 50);
    InstancePage completed =
        search.search(
            InstanceQuery.all().withProcess(processId, null).withState(InstanceState.COMPLETED),
            0,
            50);
    InstancePage nobody =
        search.search(InstanceQuery.all().withOwnerName("no such partner anywhere"), 0, 50);
    InstancePage startedLater =
        search.search(
            InstanceQuery.all()
                .withProcess(processId, null)
                .withStarted(Instant.now().plus(1, ChronoUnit.HOURS), null),
            0,
            50);

    // then
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.items())
        .extracting(InstanceSummary::key)
        .containsExactly(failing, other, ofPartner); // newest first
    assertThat(byName.items()).extracting(InstanceSummary::key).containsExactly(ofPartner);
    assertThat(withIncident.items()).extracting(InstanceSummary::key).containsExactly(failing);
    assertThat(completed.total()).isZero();
    assertThat(nobody.total()).isZero();
    assertThat(startedLater.total()).isZero();
  }

  @Test
  void shouldSayWhenTheEngineCountedOnlyUpToItsCapAndStillBatchEveryMatch() {
    // given: 4 instances, the embedded engine counting up to 2 (max-total-hits, 10,000 by default)
    String processId = fixtures.deployServiceProcess();
    List<Long> started = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      started.add(fixtures.start(processId, Map.of()));
    }
    InstanceQuery ofProcess = InstanceQuery.all().withProcess(processId, null);
    int previous = engineSearch.getMaxTotalHits();
    engineSearch.setMaxTotalHits(2);
    try {
      // when: the grid's count, and a batch of every match (200 keys a page)
      InstancePage counted = search.search(ofProcess, 0, 0);
      List<Long> batch = search.keys(ofProcess, 10);

      // then: "more than 2", and the batch is not cut at the capped count
      assertThat(counted.total()).isEqualTo(2);
      assertThat(counted.moreThanTotal()).isTrue();
      assertThat(batch).containsExactlyInAnyOrderElementsOf(started);
    } finally {
      engineSearch.setMaxTotalHits(previous);
    }
    InstancePage exact = search.search(ofProcess, 0, 0);
    assertThat(exact.total()).isEqualTo(4);
    assertThat(exact.moreThanTotal()).isFalse();
  }

  @Test
  void shouldCountActiveIncidentAndCompletedInstancesPerVersion() {
    // given
    String processId = fixtures.deployServiceProcess();
    Instant since = Instant.now().minus(1, ChronoUnit.MINUTES);
    fixtures.start(processId, Map.of());
    fixtures.startWithIncident(processId, "boom");
    long completing = fixtures.start(processId, Map.of());
    ActivatedJob job = fixtures.activate(processId, completing);
    client.newCompleteCommand(job.getKey()).send().join();
    MonitoringFixtures.await(
        () -> fixtures.stateOf(job.getProcessInstanceKey()) == ProcessInstanceState.COMPLETED,
        "completion");

    // when
    ProcessStatistics row =
        overview.overview(since).stream()
            .filter(stats -> stats.processId().equals(processId))
            .findFirst()
            .orElseThrow();
    ProcessStatistics later =
        overview.overview(Instant.now().plus(1, ChronoUnit.HOURS)).stream()
            .filter(stats -> stats.processId().equals(processId))
            .findFirst()
            .orElseThrow();

    // then
    assertThat(row.name()).isEqualTo("Monitor " + processId);
    assertThat(row.active()).isEqualTo(2);
    assertThat(row.withIncident()).isEqualTo(1);
    assertThat(row.completedInPeriod()).isEqualTo(1);
    assertThat(later.completedInPeriod()).isZero();
  }

  @Test
  void shouldTellInADryRunWhichInstancesWouldMoveAndWhichNot() {
    // given: an instance waiting in the review of version 1, a version 2 with a check after it
    String processId = fixtures.deployReviewProcess();
    long waiting = fixtures.start(processId, Map.of());
    MonitoringFixtures.await(
        () ->
            inspection.history(waiting).stream()
                .anyMatch(step -> step.elementId().equals("review")),
        "the review");
    long source = inspection.instance(waiting).definitionKey();
    long target = fixtures.deployReviewVersion(processId, true);
    long cancelled = fixtures.start(processId, Map.of());
    operations.cancel(cancelled);

    // when
    Map<String, String> equalIds = migration.equalIds(source, target);
    List<MigrationCheck> mapped =
        migration.dryRun(List.of(waiting, cancelled), new MigrationPlan(target, equalIds));
    List<MigrationCheck> unmapped =
        migration.dryRun(List.of(waiting), new MigrationPlan(target, Map.of("start", "start")));

    // then
    assertThat(equalIds).containsEntry("review", "review").doesNotContainKey("check");
    assertThat(mapped.get(0).allowed()).isTrue();
    assertThat(mapped.get(0).moves()).containsExactly("review → review");
    assertThat(mapped.get(1).refusalKey()).isEqualTo("monitoring.migration.notActive");
    assertThat(unmapped.get(0).refusalKey()).isEqualTo("monitoring.migration.unmapped");
    assertThat(unmapped.get(0).refusalDetail()).isEqualTo("review");
  }

  @Test
  void shouldRefuseEveryServiceToStaffWhoAreNotAdministrators() {
    for (String role :
        List.of("ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT", "ROLE_PARTNER")) {
      PartnerTestData.actAs("someone", role);
      assertThatThrownBy(() -> overview.overview(Instant.now()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> search.search(InstanceQuery.all(), 0, 50))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> inspection.inspect(1L)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> operations.cancel(1L)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> operations.setVariable(1L, 1L, "1"))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> operations.retry(1L)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> operations.openIncidents(0, 10))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> migration.dryRun(List.of(1L), new MigrationPlan(1L, Map.of())))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> migration.migrate(List.of(1L), new MigrationPlan(1L, Map.of())))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  private List<AuditEntry> audit(long instance) {
    return auditLog.find(AuditFilter.all().withProcessInstance(instance), 0, 100);
  }

  private VariableEntry variable(long instance, String name) {
    return inspection.variables(instance).stream()
        .filter(variable -> variable.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
