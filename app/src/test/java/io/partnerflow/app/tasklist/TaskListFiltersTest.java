package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The staff list's business context and its filters by name, against the embedded engine. */
@PartnerflowTest
class TaskListFiltersTest {

  @Autowired TaskListService tasks;
  @Autowired PartnerService partners;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;
  @Autowired Clock clock;

  private TaskFixtures fixtures;
  private String processId;

  @BeforeEach
  void deploy() throws Exception {
    fixtures = new TaskFixtures(client);
    processId = fixtures.deployReviewProcess("partner-managers");
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldNameWhomEachTaskIsAboutFromTheProcessOrThePartnerTable() throws Exception {
    // given: one process names its company, another carries only a partner's id
    String company = PartnerTestData.unique("Northwind");
    long named = fixtures.startAndAwaitTask(processId, Map.of("companyName", company));
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    String partnerName = PartnerTestData.unique("Contoso");
    long partnerId =
        partners.create(
            PartnerTestData.newPartner(partnerName, PartnerType.RESELLER, PartnerTier.SILVER));
    long byId = fixtures.startAndAwaitTask(processId, Map.of("partnerId", partnerId));
    long anonymous = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");

    // when
    TaskRowPage page = tasks.rows(thisProcess().build(), 0, 50);

    // then
    Map<Long, String> subjects = new java.util.HashMap<>();
    page.items().forEach(row -> subjects.put(row.task().key(), row.subject()));
    assertThat(subjects).containsEntry(named, company).containsEntry(byId, partnerName);
    assertThat(subjects).containsKey(anonymous);
    assertThat(subjects.get(anonymous)).isNull();
    assertThat(page.total()).isEqualTo(3);
  }

  @Test
  void shouldFilterByPartOfTheCompanyNameWhateverTheCase() throws Exception {
    // given
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    String partnerName = PartnerTestData.unique("Fabrikam Channel");
    long partnerId =
        partners.create(
            PartnerTestData.newPartner(partnerName, PartnerType.RESELLER, PartnerTier.GOLD));
    long wanted = fixtures.startAndAwaitTask(processId, Map.of("partnerId", partnerId));
    fixtures.startAndAwaitTask(processId, Map.of("companyName", PartnerTestData.unique("Other")));
    loginAs("manager");
    String part = partnerName.substring(partnerName.lastIndexOf(' ') + 1).toUpperCase();

    // when
    TaskRowPage page = tasks.rows(thisProcess().company("fabrikam channel " + part).build(), 0, 50);
    TaskRowPage bySuffix = tasks.rows(thisProcess().company(part).build(), 0, 50);

    // then
    assertThat(page.items()).extracting(row -> row.task().key()).containsExactly(wanted);
    assertThat(page.total()).isEqualTo(1);
    assertThat(bySuffix.items()).extracting(TaskRow::subject).containsExactly(partnerName);
  }

  @Test
  void shouldTellThatACompanyTextMatchingTooManyProcessesIsTooVague() {
    // given: more processes than the filter takes name a company with the same word
    String shared = PartnerTestData.unique("Vague");
    for (int i = 0; i <= TaskSubjects.MAX_INSTANCES; i++) {
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("companyName", shared + " " + i))
          .send()
          .join();
    }
    loginAs("manager");

    // when / then
    assertThatThrownBy(() -> tasks.rows(thisProcess().company(shared).build(), 0, 50))
        .isInstanceOf(TaskFilterException.class)
        .hasMessage("tasklist.error.companyTooVague");
    assertThat(tasks.count(thisProcess().company(shared).build(), 99)).isZero();
    assertThat(tasks.rows(thisProcess().company(shared + " 7").build(), 0, 50).total())
        .isLessThanOrEqualTo(1);
  }

  @Test
  void shouldFilterByStepGroupAssigneeAndDueRange() throws Exception {
    // given: the fixture's task is due in three days
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");
    LocalDate today = LocalDate.now(clock);

    // then
    assertThat(keys(thisProcess().step("review"))).containsExactly(task);
    assertThat(keys(thisProcess().step("another-step"))).isEmpty();
    assertThat(keys(thisProcess().group("partner-managers"))).containsExactly(task);
    // a group the manager is not in shows nothing, whatever it holds
    assertThat(keys(thisProcess().group("legal"))).isEmpty();
    assertThat(keys(thisProcess().dueFrom(today.plusDays(2)).dueTo(today.plusDays(4))))
        .containsExactly(task);
    assertThat(keys(thisProcess().dueTo(today.plusDays(1)))).isEmpty();
    assertThat(keys(thisProcess().assignee("somebody-else"))).isEmpty();

    // when
    tasks.claim(task);

    // then
    assertThat(keys(thisProcess().assignee("manager"))).containsExactly(task);
    assertThat(tasks.count(thisProcess().assignee("manager").build(), 99)).isEqualTo(1);
  }

  private java.util.List<Long> keys(QueryBuilder query) {
    return tasks.search(query.build(), 0, 50).items().stream().map(TaskSummary::key).toList();
  }

  private QueryBuilder thisProcess() {
    return new QueryBuilder(processId);
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  /** A query on the test's process, narrowed field by field. */
  static final class QueryBuilder {
    private final String processId;
    private String step;
    private String company;
    private String assignee;
    private String group;
    private LocalDate dueFrom;
    private LocalDate dueTo;

    QueryBuilder(String processId) {
      this.processId = processId;
    }

    QueryBuilder step(String value) {
      step = value;
      return this;
    }

    QueryBuilder company(String value) {
      company = value;
      return this;
    }

    QueryBuilder assignee(String value) {
      assignee = value;
      return this;
    }

    QueryBuilder group(String value) {
      group = value;
      return this;
    }

    QueryBuilder dueFrom(LocalDate value) {
      dueFrom = value;
      return this;
    }

    QueryBuilder dueTo(LocalDate value) {
      dueTo = value;
      return this;
    }

    TaskQuery build() {
      return new TaskQuery(
          TaskScope.MY_GROUPS,
          processId,
          DueFilter.ANY,
          null,
          TaskSort.DUE,
          false,
          step,
          company,
          assignee,
          group,
          dueFrom,
          dueTo);
    }
  }
}
