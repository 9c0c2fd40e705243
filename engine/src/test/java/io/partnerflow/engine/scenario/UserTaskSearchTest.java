package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.state.SearchProperties;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task list search: filters in the forms the client sends, sort with nulls last, offset and
 * cursor paging, totalItems. Each test works on its own candidate groups and process id, as the
 * database is shared.
 */
class UserTaskSearchTest extends EngineScenarioTest {

  @Autowired SearchProperties searchProperties;

  private String processId;
  private long definitionKey;
  private String sales;
  private String legal;
  private final OffsetDateTime base = OffsetDateTime.parse("2032-03-01T08:00:00Z");

  @BeforeEach
  void deployTaskProcess() {
    processId = unique("task-list");
    sales = unique("SALES");
    legal = unique("LEGAL");
    definitionKey =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask(
                    "work",
                    t ->
                        t.name("Work item")
                            .zeebeUserTask()
                            .zeebeCandidateGroupsExpression("groups")
                            .zeebeCandidateUsersExpression("users")
                            .zeebeDueDateExpression("due")
                            .zeebeTaskPriorityExpression("priority"))
                .endEvent()
                .done());
  }

  /** Starts one instance; returns its task. due null = no due date. */
  private UserTask task(List<String> groups, Integer dueInDays, int priority, String user) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("groups", groups);
    variables.put("users", user == null ? List.of() : List.of(user));
    variables.put("due", dueInDays == null ? null : base.plusDays(dueInDays).toString());
    variables.put("priority", priority);
    long instanceKey = start(processId, variables).getProcessInstanceKey();
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey))
        .send()
        .join()
        .singleItem();
  }

  private static List<Long> keys(SearchResponse<UserTask> response) {
    return response.items().stream().map(UserTask::getUserTaskKey).toList();
  }

  @Test
  void shouldFilterByCandidateGroupUserAndState() {
    // given
    UserTask salesOnly = task(List.of(sales), 3, 50, "ann");
    UserTask both = task(List.of(sales, legal), 1, 50, null);
    UserTask legalOnly = task(List.of(legal), 2, 50, "ben");
    client.newCompleteUserTaskCommand(both.getUserTaskKey()).send().join();

    // when / then: contains the group
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(sales))
                    .send()
                    .join()))
        .containsExactlyInAnyOrder(salesOnly.getUserTaskKey(), both.getUserTaskKey());
    // open tasks of the group only
    SearchResponse<UserTask> open =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
            .send()
            .join();
    assertThat(keys(open)).containsExactly(salesOnly.getUserTaskKey());
    assertThat(open.page().totalItems()).isEqualTo(1);
    // any of several groups
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(b -> b.in(sales, legal)))
                    .send()
                    .join()))
        .hasSize(3);
    // candidate user and assignee
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateUser("ben").bpmnProcessId(processId))
                    .send()
                    .join()))
        .containsExactly(legalOnly.getUserTaskKey());
    client.newAssignUserTaskCommand(legalOnly.getUserTaskKey()).assignee("zoe").send().join();
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.assignee("zoe").processDefinitionKey(definitionKey))
                    .send()
                    .join()))
        .containsExactly(legalOnly.getUserTaskKey());
    // completed state
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(processId).state(UserTaskState.COMPLETED))
                    .send()
                    .join()))
        .containsExactly(both.getUserTaskKey());
    // a state filter with several values
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.bpmnProcessId(processId)
                                .state(s -> s.in(UserTaskState.COMPLETED, UserTaskState.CANCELED)))
                    .send()
                    .join()))
        .containsExactly(both.getUserTaskKey());
  }

  @Test
  void shouldFilterByKeysElementPriorityAndDates() {
    // given
    UserTask low = task(List.of(sales), 1, 10, null);
    UserTask high = task(List.of(sales), 5, 90, null);

    // when / then
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.userTaskKey(high.getUserTaskKey()))
                    .send()
                    .join()))
        .containsExactly(high.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.elementInstanceKey(low.getElementInstanceKey()))
                    .send()
                    .join()))
        .containsExactly(low.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.bpmnProcessId(processId).elementId("work").priority(90))
                    .send()
                    .join()))
        .containsExactly(high.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(sales).priority(p -> p.gte(50)))
                    .send()
                    .join()))
        .containsExactly(high.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(sales).dueDate(d -> d.lt(base.plusDays(2))))
                    .send()
                    .join()))
        .containsExactly(low.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.candidateGroup(sales)
                                .creationDate(d -> d.gte(OffsetDateTime.now().minusHours(1))))
                    .send()
                    .join()))
        .containsExactlyInAnyOrder(low.getUserTaskKey(), high.getUserTaskKey());
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(sales).followUpDate(d -> d.exists(true)))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void shouldCountOpenTasksOfGroupsOnceAndForgetEndedOnes() {
    // given: the task list's question, open tasks of my groups; one task is in both groups
    UserTask salesOnly = task(List.of(sales), 1, 50, null);
    UserTask both = task(List.of(sales, legal), 2, 50, null);
    UserTask legalOnly = task(List.of(legal), 3, 50, null);

    // then: counted once each
    assertThat(openOfGroups(sales, legal).page().totalItems()).isEqualTo(3);
    assertThat(openOfGroups(sales).page().totalItems()).isEqualTo(2);
    assertThat(keys(openOfGroups(sales, legal)))
        .containsExactly(
            salesOnly.getUserTaskKey(), both.getUserTaskKey(), legalOnly.getUserTaskKey());

    // when: one completed, one cancelled with its instance
    client.newCompleteUserTaskCommand(both.getUserTaskKey()).send().join();
    client.newCancelInstanceCommand(legalOnly.getProcessInstanceKey()).send().join();

    // then
    assertThat(openOfGroups(sales, legal).page().totalItems()).isEqualTo(1);
    assertThat(keys(openOfGroups(sales, legal))).containsExactly(salesOnly.getUserTaskKey());
    assertThat(openOfGroups(legal).page().totalItems()).isZero();
    assertThat(openOfGroups(legal).items()).isEmpty();
    // and without the state filter, every task of the group still counts
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(legal))
                .send()
                .join()
                .page()
                .totalItems())
        .isEqualTo(2);
  }

  @Test
  void shouldKeepTheTotalOfAGroupsOpenTasksThroughCompletionCancellationAndUpdate() {
    // given: 4 open tasks of sales, one also of legal, one naming sales twice
    UserTask first = task(List.of(sales), 1, 50, null);
    UserTask both = task(List.of(sales, legal), 2, 50, null);
    UserTask twice = task(List.of(sales, sales), 3, 50, null);
    task(List.of(sales), 4, 50, null);

    // then: pages of one, so the total is the group's count, not the page's length
    assertThat(openTotal(sales)).isEqualTo(4);
    assertThat(openTotal(legal)).isEqualTo(1);

    // when: one completed, one cancelled with its instance, one moved to legal
    client.newCompleteUserTaskCommand(first.getUserTaskKey()).send().join();
    client.newCancelInstanceCommand(twice.getProcessInstanceKey()).send().join();
    task(List.of(legal), 5, 50, null);
    client
        .newUpdateUserTaskCommand(both.getUserTaskKey())
        .candidateGroups(List.of(legal))
        .send()
        .join();

    // then
    assertThat(openTotal(sales)).isEqualTo(1);
    assertThat(openTotal(legal)).isEqualTo(2);
  }

  @Test
  void shouldKeepTheTotalExactUnderConcurrentCreationAndCompletion() throws Exception {
    // given: 24 tasks of sales and legal (in either order) created from 6 threads at once
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<UserTask>> created = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        List<String> groups = i % 2 == 0 ? List.of(sales, legal) : List.of(legal, sales);
        int day = i;
        created.add(pool.submit(() -> task(groups, day, 50, null)));
      }
      List<UserTask> tasks = new ArrayList<>();
      for (Future<UserTask> f : created) {
        tasks.add(f.get());
      }

      // when: every third completed, from 6 threads at once
      List<Future<?>> completions = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i += 3) {
        long key = tasks.get(i).getUserTaskKey();
        completions.add(pool.submit(() -> client.newCompleteUserTaskCommand(key).send().join()));
      }
      for (Future<?> f : completions) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // then: the counters agree with a count of the task rows (priority forces the general count)
    assertThat(openTotal(sales)).isEqualTo(16);
    assertThat(openTotal(legal)).isEqualTo(16);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED).priority(50))
                .page(p -> p.from(0).limit(1))
                .send()
                .join()
                .page()
                .totalItems())
        .isEqualTo(16);
  }

  @Test
  void shouldCountAProcesssOpenTasksOfAGroupApartFromOtherProcesses() {
    // given: sales has open tasks of this process and one of another process
    String otherProcess = unique("other-task-list");
    deploy(
        Bpmn.createExecutableProcess(otherProcess)
            .startEvent()
            .userTask("work", t -> t.zeebeUserTask().zeebeCandidateGroupsExpression("groups"))
            .endEvent()
            .done());
    start(otherProcess, Map.of("groups", List.of(sales)));
    UserTask first = task(List.of(sales), 1, 50, null);
    UserTask both = task(List.of(sales, legal), 2, 50, null);
    UserTask twice = task(List.of(sales, sales), 3, 50, null);
    task(List.of(sales), 4, 50, null);

    // then: pages of one, so the total is the counters', not the page's length
    assertThat(openTotal(processId, sales)).isEqualTo(4);
    assertThat(openTotal(processId, legal)).isEqualTo(1);
    assertThat(openTotal(otherProcess, sales)).isEqualTo(1);
    assertThat(openTotal(sales)).isEqualTo(5);

    // when: one completed, one cancelled with its instance, one moved to legal only
    client.newCompleteUserTaskCommand(first.getUserTaskKey()).send().join();
    client.newCancelInstanceCommand(twice.getProcessInstanceKey()).send().join();
    client
        .newUpdateUserTaskCommand(both.getUserTaskKey())
        .candidateGroups(List.of(legal))
        .send()
        .join();

    // then: and the same as a count of the task rows (priority forces the general count)
    assertThat(openTotal(processId, sales)).isEqualTo(1);
    assertThat(openTotal(processId, legal)).isEqualTo(1);
    assertThat(openTotal(otherProcess, sales)).isEqualTo(1);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.bpmnProcessId(processId)
                            .candidateGroup(sales)
                            .state(UserTaskState.CREATED)
                            .priority(50))
                .page(p -> p.from(0).limit(1))
                .send()
                .join()
                .page()
                .totalItems())
        .isEqualTo(1);
  }

  private long openTotal(String process, String group) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.bpmnProcessId(process).candidateGroup(group).state(UserTaskState.CREATED))
        .page(p -> p.from(0).limit(1))
        .send()
        .join()
        .page()
        .totalItems();
  }

  private long openTotal(String group) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(group).state(UserTaskState.CREATED))
        .page(p -> p.from(0).limit(1))
        .send()
        .join()
        .page()
        .totalItems();
  }

  private SearchResponse<UserTask> openOfGroups(String... groups) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(b -> b.in(groups)).state(UserTaskState.CREATED))
        .sort(s -> s.dueDate().asc())
        .send()
        .join();
  }

  @Test
  void shouldSortByDueDateWithNullsLastAndByPriority() {
    // given
    UserTask noDue = task(List.of(legal), null, 40, null);
    UserTask late = task(List.of(legal), 9, 20, null);
    UserTask early = task(List.of(legal), 1, 80, null);

    // when / then
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(legal))
                    .sort(s -> s.dueDate().asc())
                    .send()
                    .join()))
        .containsExactly(early.getUserTaskKey(), late.getUserTaskKey(), noDue.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(legal))
                    .sort(s -> s.dueDate().desc())
                    .send()
                    .join()))
        .containsExactly(late.getUserTaskKey(), early.getUserTaskKey(), noDue.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(legal))
                    .sort(s -> s.priority().desc())
                    .send()
                    .join()))
        .containsExactly(early.getUserTaskKey(), noDue.getUserTaskKey(), late.getUserTaskKey());
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.candidateGroup(legal))
                    .sort(s -> s.creationDate().desc())
                    .send()
                    .join()))
        .containsExactly(early.getUserTaskKey(), late.getUserTaskKey(), noDue.getUserTaskKey());
  }

  @Test
  void shouldPageWithOffsetsAndCursorsAndCountAll() {
    // given: 7 tasks, due on days 0..6, the one due on day 3 twice (tie broken by key)
    List<Long> expected = new ArrayList<>();
    for (int day : List.of(0, 1, 2, 3, 3, 4, 5)) {
      expected.add(task(List.of(sales), day, 50, null).getUserTaskKey());
    }

    // when: offset pages of 3
    SearchResponse<UserTask> first =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.from(0).limit(3))
            .send()
            .join();
    SearchResponse<UserTask> third =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.from(6).limit(3))
            .send()
            .join();

    // then
    assertThat(first.page().totalItems()).isEqualTo(7);
    assertThat(keys(first)).containsExactlyElementsOf(expected.subList(0, 3));
    assertThat(third.page().totalItems()).isEqualTo(7);
    assertThat(keys(third)).containsExactly(expected.get(6));

    // when: cursors forward through the tie and back again
    List<Long> walked = new ArrayList<>(keys(first));
    String cursor = first.page().endCursor();
    SearchResponse<UserTask> page;
    do {
      String after = cursor;
      page =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
              .sort(s -> s.dueDate().asc())
              .page(p -> p.after(after).limit(3))
              .send()
              .join();
      walked.addAll(keys(page));
      cursor = page.page().endCursor();
    } while (page.items().size() == 3);
    String before = page.page().startCursor();
    SearchResponse<UserTask> back =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.before(before).limit(3))
            .send()
            .join();

    // then
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(keys(back)).containsExactlyElementsOf(expected.subList(3, 6));
    assertThat(back.page().totalItems()).isEqualTo(7);
  }

  @Test
  void shouldCountUpToMaxTotalHitsAndSayWhenMoreMatch() {
    // given: 7 open tasks of a group, counting capped at 4 (Camunda: max-total-hits, 10,000)
    for (int day = 0; day < 7; day++) {
      task(List.of(sales), day, day == 0 ? 90 : 50, null);
    }
    int previous = searchProperties.getMaxTotalHits();
    searchProperties.setMaxTotalHits(4);
    try {
      // when: the open-group count, the general count, a cursor page and a short last page
      SearchResponse<UserTask> ofGroup = firstTwo(f -> f.candidateGroup(sales));
      SearchResponse<UserTask> general = firstTwo(f -> f.candidateGroup(sales).priority(50));
      String after = ofGroup.page().endCursor();
      SearchResponse<UserTask> byCursor =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
              .sort(s -> s.dueDate().asc())
              .page(p -> p.after(after).limit(2))
              .send()
              .join();
      SearchResponse<UserTask> lastPage =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.candidateGroup(sales).state(UserTaskState.CREATED))
              .page(p -> p.from(5).limit(3))
              .send()
              .join();

      // then: 4 and "more", the page itself complete
      for (SearchResponse<UserTask> capped : List.of(ofGroup, general, byCursor, lastPage)) {
        assertThat(capped.page().totalItems()).isEqualTo(4);
        assertThat(capped.page().hasMoreTotalItems()).isTrue();
      }
      assertThat(ofGroup.items()).hasSize(2);
      assertThat(byCursor.items()).hasSize(2);
      assertThat(lastPage.items()).hasSize(2);

      // when: exactly as many as the cap: an exact count, nothing more
      searchProperties.setMaxTotalHits(7);
      SearchResponse<UserTask> exact = firstTwo(f -> f.candidateGroup(sales));
      SearchResponse<UserTask> exactGeneral = firstTwo(f -> f.candidateGroup(sales).priority(50));

      // then
      assertThat(exact.page().totalItems()).isEqualTo(7);
      assertThat(exact.page().hasMoreTotalItems()).isFalse();
      assertThat(exactGeneral.page().totalItems()).isEqualTo(6);
      assertThat(exactGeneral.page().hasMoreTotalItems()).isFalse();
    } finally {
      searchProperties.setMaxTotalHits(previous);
    }
  }

  private SearchResponse<UserTask> firstTwo(Consumer<UserTaskFilter> filter) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> filter.accept(f.state(UserTaskState.CREATED)))
        .sort(s -> s.dueDate().asc())
        .page(p -> p.from(0).limit(2))
        .send()
        .join();
  }

  @Test
  void shouldPageByCursorOverTasksWithoutDueDate() {
    // given: nulls sort last; a cursor on a null due date keeps its place
    List<Long> expected = new ArrayList<>();
    expected.add(task(List.of(legal), 2, 50, null).getUserTaskKey());
    for (int i = 0; i < 3; i++) {
      expected.add(task(List.of(legal), null, 50, null).getUserTaskKey());
    }

    // when
    List<Long> walked = new ArrayList<>();
    String cursor = null;
    SearchResponse<UserTask> page;
    do {
      String after = cursor;
      page =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.candidateGroup(legal))
              .sort(s -> s.dueDate().asc())
              .page(p -> (after == null ? p.from(0) : p.after(after)).limit(1))
              .send()
              .join();
      walked.addAll(keys(page));
      cursor = page.page().endCursor();
    } while (!page.items().isEmpty());
    String lastStart = null;
    SearchResponse<UserTask> last =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(legal))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.from(3).limit(1))
            .send()
            .join();
    lastStart = last.page().startCursor();
    String beforeLast = lastStart;
    SearchResponse<UserTask> back =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.candidateGroup(legal))
            .sort(s -> s.dueDate().asc())
            .page(p -> p.before(beforeLast).limit(2))
            .send()
            .join();

    // then
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(keys(back)).containsExactlyElementsOf(expected.subList(1, 3));
  }

  @Test
  void shouldMatchLikePatternsLiterallyExceptTheWildcardsAndHonourBackslashEscapes() {
    // given: groups with characters that mean something to regular expressions and to SQL LIKE
    String prefix = unique("G");
    UserTask parenthesis = task(List.of(prefix + "(a)_1"), 1, 50, null);
    UserTask other = task(List.of(prefix + "(a)x1"), 1, 50, null);
    UserTask star = task(List.of(prefix + "*"), 1, 50, null);

    // when / then: "(" and "_" are literal, "*" is the wildcard, "\*" a literal star
    assertThat(keys(likeGroup(prefix + "(a)_1"))).containsExactly(parenthesis.getUserTaskKey());
    assertThat(keys(likeGroup(prefix + "(a)*")))
        .containsExactlyInAnyOrder(parenthesis.getUserTaskKey(), other.getUserTaskKey());
    assertThat(keys(likeGroup(prefix + "(a)?1")))
        .containsExactlyInAnyOrder(parenthesis.getUserTaskKey(), other.getUserTaskKey());
    assertThat(keys(likeGroup(prefix + "\\*"))).containsExactly(star.getUserTaskKey());
    assertThat(keys(likeGroup(prefix + "("))).isEmpty();
    // the state is matched in memory, by the same translator: no regular-expression error
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f -> f.candidateGroup(b -> b.like(prefix + "*")).state(b -> b.like("(")))
                    .send()
                    .join()))
        .isEmpty();
    assertThat(
            keys(
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        f ->
                            f.candidateGroup(b -> b.like(prefix + "*")).state(b -> b.like("CREA*")))
                    .send()
                    .join()))
        .hasSize(3);
  }

  private SearchResponse<UserTask> likeGroup(String pattern) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(b -> b.like(pattern)))
        .send()
        .join();
  }
}
