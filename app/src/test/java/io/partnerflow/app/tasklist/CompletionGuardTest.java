package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionGuardTest {

  @Test
  void shouldLetTheAssigneeComplete() {
    assertThat(CompletionGuard.denial(CompletionGuard.actionOf("manager"), "manager")).isEmpty();
  }

  @Test
  void shouldDenyACompletionBySomeoneElse() {
    assertThat(CompletionGuard.denial(CompletionGuard.actionOf("manager"), "lead"))
        .contains("The task is assigned to someone else now");
  }

  @Test
  void shouldDenyACompletionOfAnUnassignedTask() {
    assertThat(CompletionGuard.denial(CompletionGuard.actionOf("manager"), null)).isPresent();
  }

  @Test
  void shouldDenyACompletionThatNamesNobody() {
    // the client's default action
    assertThat(CompletionGuard.denial("complete", "manager")).isPresent();
    assertThat(CompletionGuard.denial(null, "manager")).isPresent();
  }

  @Test
  void shouldNotTakeAPrefixOfTheAssigneeForTheAssignee() {
    assertThat(CompletionGuard.denial(CompletionGuard.actionOf("man"), "manager")).isPresent();
  }
}
