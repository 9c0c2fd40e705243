package io.partnerflow.engine.processing;

import io.partnerflow.engine.state.ProcessInstanceRecord;

/**
 * The hook that continues an error's search for a catch event beyond the root of a process
 * instance, into the instance that called it (call activities). {@link ErrorCatcher} looks through
 * the scopes of the instance where the error was thrown — the thrower itself, then its flow scopes
 * out to the process — and only when none catches the error asks this hook (if a bean implements
 * it).
 *
 * <p>An implementation finds the calling instance and its call activity's element instance, locks
 * the calling instance, and calls {@link TokenMachine#throwError} there with that element instance
 * and the same error: the search then starts at the call activity (its boundary events, then its
 * flow scopes, then — recursively through this hook — the grandparent). When it is caught there,
 * the call activity is terminated by that run, which must terminate this child instance too; the
 * child's run stops after the hook returns true. Returning false leaves the incident to the thrower
 * in the child instance, as Camunda does.
 */
public interface CallingInstanceErrorCatcher {

  /**
   * Nothing in {@code child} catches {@code error}. True when a catch event of a calling instance
   * caught it (and that run terminated the child instance).
   */
  boolean catchInCallingInstance(ProcessInstanceRecord child, ThrownError error);
}
