package io.partnerflow.app.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drives a running process from a test through the official client: waits for its open user tasks,
 * moves the engine clock to reach timers, and logs in as a user for the service calls a screen
 * makes.
 */
public final class ProcessDriver {

  private final CamundaClient client;
  private final UserDetailsService userDetails;

  public ProcessDriver(CamundaClient client, UserDetailsService userDetails) {
    this.client = client;
    this.userDetails = userDetails;
  }

  /** The open tasks of the instance at that element, waiting until there are {@code count}. */
  public List<UserTask> awaitTasks(long instanceKey, String elementId, int count)
      throws InterruptedException {
    return await(
        () -> {
          List<UserTask> tasks = openTasks(instanceKey, elementId);
          return tasks.size() >= count ? Optional.of(tasks) : Optional.empty();
        });
  }

  public UserTask awaitTask(long instanceKey, String elementId) throws InterruptedException {
    return awaitTasks(instanceKey, elementId, 1).get(0);
  }

  public List<UserTask> openTasks(long instanceKey, String elementId) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter ->
                filter
                    .processInstanceKey(instanceKey)
                    .elementId(elementId)
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items();
  }

  /** Pins the engine clock (timers due by then fire); pair with {@link #resetClock()}. */
  public void pinClock(Instant at) {
    client.newPinClockCommand().time(at).send().join();
  }

  public void resetClock() {
    client.newResetClockCommand().send().join();
  }

  /** The caller of service methods from now on, as after a login. */
  public void loginAs(String username) {
    UserDetails user = userDetails.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  public void logout() {
    SecurityContextHolder.clearContext();
  }

  /** The probe's value once present, polling for up to 90 s. */
  public static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within 90 s");
  }
}
