package io.partnerflow.app.security.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code partnerflow.security.login-throttle.*}: how failed logins slow down and then lock
 * an account (the username as typed, known or not, so a lock tells nothing about existence) and a
 * client address (higher limits: many people may share one address).
 *
 * @param accountSlowDownAfter failures of one username after which each attempt must wait
 * @param accountLockAfter failures of one username that lock it for {@code lockDuration}
 * @param addressSlowDownAfter failures from one address after which each attempt must wait
 * @param addressLockAfter failures from one address that lock it for {@code lockDuration}
 * @param delay the first wait once slowed down; it doubles with every further failure
 * @param maxDelay the longest wait while slowed down
 * @param lockDuration how long a lock lasts; it lifts by itself
 * @param forgetAfter failures this long ago (and no block running) are forgotten
 */
@ConfigurationProperties("partnerflow.security.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("3") int accountSlowDownAfter,
    @DefaultValue("10") int accountLockAfter,
    @DefaultValue("10") int addressSlowDownAfter,
    @DefaultValue("50") int addressLockAfter,
    @DefaultValue("1s") Duration delay,
    @DefaultValue("1m") Duration maxDelay,
    @DefaultValue("15m") Duration lockDuration,
    @DefaultValue("1h") Duration forgetAfter) {

  public LoginThrottleProperties {
    if (accountSlowDownAfter < 1
        || addressSlowDownAfter < 1
        || accountLockAfter < accountSlowDownAfter
        || addressLockAfter < addressSlowDownAfter) {
      throw new IllegalArgumentException(
          "login-throttle: *-slow-down-after must be >= 1 and *-lock-after >= *-slow-down-after");
    }
  }

  int slowDownAfter(LoginSubject.Kind kind) {
    return kind == LoginSubject.Kind.ACCOUNT ? accountSlowDownAfter : addressSlowDownAfter;
  }

  int lockAfter(LoginSubject.Kind kind) {
    return kind == LoginSubject.Kind.ACCOUNT ? accountLockAfter : addressLockAfter;
  }
}
