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
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.web.context.request.async.DeferredResult;

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
    DeferredResult<JobActivationResult> held = longPoll.activate(request());
    assertThat(held.hasResult()).isFalse();
    verify(activateJobs, timeout(2_000).atLeast(2)).execute(any());

    // when
    longPoll.stop();
    Mockito.clearInvocations(activateJobs);
    longPoll.onJobsAvailable(new JobsAvailable("review"));
    DeferredResult<JobActivationResult> late = longPoll.activate(request());

    // then
    assertThat(longPoll.isRunning()).isFalse();
    assertThat(held.getResult())
        .isInstanceOfSatisfying(JobActivationResult.class, r -> assertThat(r.getJobs()).isEmpty());
    assertThat(late.getResult())
        .isInstanceOfSatisfying(JobActivationResult.class, r -> assertThat(r.getJobs()).isEmpty());
    verify(activateJobs, after(1_000).never()).execute(any());
  }

  private static org.mockito.verification.VerificationAfterDelay after(long millis) {
    return Mockito.after(millis);
  }
}
