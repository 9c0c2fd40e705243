package io.partnerflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.partnerflow.engine.command.ActivateJobsCommand;
import io.partnerflow.engine.state.JobsAvailable;
import io.partnerflow.engine.state.JsonValues;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Shutdown of the long poll: held requests answered, no database work after stop(). */
class JobActivationLongPollTest {

  private final ActivateJobsCommand activateJobs = mock(ActivateJobsCommand.class);
  private final JobActivationLongPoll longPoll =
      new JobActivationLongPoll(activateJobs, new JsonValues());

  private static JobActivationRequest request() {
    return new JobActivationRequest()
        .type("review")
        .worker("w")
        .timeout(1_000L)
        .maxJobsToActivate(1)
        .requestTimeout(60_000L);
  }

  @Test
  void shouldAnswerHeldRequestsEmptyAndStopTouchingTheDatabaseWhenStopped() {
    // given: a held request (no jobs ready)
    when(activateJobs.execute(any())).thenReturn(List.of());
    longPoll.start();
    CompletableFuture<JobActivationResult> held = longPoll.activate(request());
    assertThat(held).isNotDone();
    verify(activateJobs, timeout(2_000).atLeast(2)).execute(any());

    // when
    longPoll.stop();
    Mockito.clearInvocations(activateJobs);
    longPoll.onJobsAvailable(new JobsAvailable("review"));
    CompletableFuture<JobActivationResult> late = longPoll.activate(request());

    // then
    assertThat(longPoll.isRunning()).isFalse();
    assertThat(held).isCompletedWithValueMatching(r -> r.getJobs().isEmpty());
    assertThat(late).isCompletedWithValueMatching(r -> r.getJobs().isEmpty());
    verify(activateJobs, after(1_000).never()).execute(any());
  }

  private static org.mockito.verification.VerificationAfterDelay after(long millis) {
    return Mockito.after(millis);
  }
}
