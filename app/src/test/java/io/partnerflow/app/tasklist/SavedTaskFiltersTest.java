package io.partnerflow.app.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.support.PartnerflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Saved filters belong to the user who saved them. */
@PartnerflowTest
class SavedTaskFiltersTest {

  @Autowired SavedTaskFilters saved;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void cleanUp() {
    SecurityContextHolder.clearContext();
    jdbc.sql("DELETE FROM app.task_saved_filter").update();
  }

  @Test
  void shouldKeepEachUsersFiltersToThemselves() {
    // given
    TaskQuery overdue =
        new TaskQuery(TaskScope.MY_GROUPS, null, DueFilter.OVERDUE, null, TaskSort.DUE, false);
    loginAs("manager");
    SavedTaskFilter mine = saved.save("Overdue", overdue);

    // when: another user lists, saves under the same name and tries to delete the first's
    loginAs("lead");
    var leadsBefore = saved.mine();
    saved.save("Overdue", TaskQuery.defaults());
    saved.delete(mine.id());

    // then
    assertThat(leadsBefore).isEmpty();
    loginAs("manager");
    assertThat(saved.mine()).containsExactly(mine);
    assertThat(saved.mine().get(0).taskQuery()).isEqualTo(overdue);
  }

  @Test
  void shouldReplaceAFilterOfTheSameNameAndRefuseABlankName() {
    // given
    loginAs("manager");
    saved.save("Mine", TaskQuery.defaults());

    // when
    TaskQuery assigned =
        new TaskQuery(TaskScope.ASSIGNED_TO_ME, null, null, null, TaskSort.DUE, false);
    saved.save(" Mine ", assigned);

    // then
    assertThat(saved.mine()).hasSize(1);
    assertThat(saved.mine().get(0).taskQuery()).isEqualTo(assigned);
    assertThatThrownBy(() -> saved.save("  ", assigned))
        .isInstanceOf(TaskFilterException.class)
        .hasMessage("tasklist.savedFilter.error.name");
  }

  @Test
  void shouldRefuseMoreFiltersThanAUserMayKeep() {
    // given
    loginAs("manager");
    for (int i = 0; i < SavedTaskFilters.MAX_PER_USER; i++) {
      saved.save("Filter " + i, TaskQuery.defaults());
    }

    // then
    assertThatThrownBy(() -> saved.save("One more", TaskQuery.defaults()))
        .isInstanceOf(TaskFilterException.class)
        .hasMessage("tasklist.savedFilter.error.tooMany");
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
