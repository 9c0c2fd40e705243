package io.partnerflow.app.security.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Slows down and then locks guessing: every failed login counts against the username typed and the
 * client address. From {@code slow-down-after} failures on the subject is blocked for a delay that
 * doubles per failure; at {@code lock-after} it is locked for {@code lock-duration}. While blocked,
 * attempts are refused without checking the password; blocks lift by themselves.
 *
 * <p>Public pages that answer a code (the certificate verification) are throttled the same way per
 * client address, with the address limits, counted apart from logins: a visitor who mistypes codes
 * does not lose their login, and a login guesser gains nothing by looking up codes.
 */
@Service
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginThrottleRepository repository;
  private final LoginThrottleProperties properties;
  private final Clock clock;

  LoginThrottle(
      LoginThrottleRepository repository, LoginThrottleProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  /** Until when attempts of this username (null: none) from this address are refused. */
  public Optional<Instant> blockedUntil(String username, String address) {
    return repository.blockedUntil(subjects(username, address), clock.instant());
  }

  /** A failed attempt: counts for the username (when given) and the address. */
  public void failed(String username, String address) {
    count(subjects(username, address));
  }

  /** Until when lookups of codes on public pages from this address are refused. */
  public Optional<Instant> lookupBlockedUntil(String address) {
    return repository.blockedUntil(List.of(LoginSubject.lookup(address)), clock.instant());
  }

  /** A public page was asked for a code it does not know: counts for the address. */
  public void lookupMissed(String address) {
    count(List.of(LoginSubject.lookup(address)));
  }

  private void count(List<LoginSubject> subjects) {
    Instant now = clock.instant();
    Instant forgetBefore = now.minus(properties.forgetAfter());
    repository.forget(now, forgetBefore);
    for (LoginSubject subject : subjects) {
      int failures = repository.addFailure(subject, now, forgetBefore);
      blockFor(subject.kind(), failures)
          .ifPresent(
              wait -> {
                repository.block(subject, now.plus(wait));
                if (failures == properties.lockAfter(subject.kind())) {
                  log.warn(
                      "Login locked for {} {} until {} after {} failures",
                      subject.kind().name().toLowerCase(java.util.Locale.ROOT),
                      subject.value(),
                      now.plus(wait),
                      failures);
                }
              });
    }
  }

  /** A successful login clears the account's failures (not the address's: one may share it). */
  public void succeeded(String username) {
    repository.clear(LoginSubject.account(username));
  }

  /** The running blocks, latest end first, for administrators. */
  @Secured("ROLE_ADMIN")
  public List<LoginBlock> runningBlocks() {
    return repository.running(clock.instant()).stream()
        .map(
            row ->
                new LoginBlock(
                    row.subject(),
                    row.failures(),
                    row.blockedUntil(),
                    row.failures() >= properties.lockAfter(row.subject().kind())))
        .toList();
  }

  private Optional<Duration> blockFor(LoginSubject.Kind kind, int failures) {
    if (failures >= properties.lockAfter(kind)) {
      return Optional.of(properties.lockDuration());
    }
    int beyond = failures - properties.slowDownAfter(kind);
    if (beyond < 0) {
      return Optional.empty();
    }
    Duration wait = properties.delay().multipliedBy(1L << Math.min(beyond, 20));
    return Optional.of(wait.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : wait);
  }

  private static List<LoginSubject> subjects(String username, String address) {
    List<LoginSubject> subjects = new ArrayList<>(2);
    if (username != null) {
      subjects.add(LoginSubject.account(username));
    }
    subjects.add(LoginSubject.address(address));
    return subjects;
  }
}
