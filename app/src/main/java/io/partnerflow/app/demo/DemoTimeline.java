package io.partnerflow.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The demo history's steps in the order of their time: the clocks only move forward, so every step
 * of every applicant runs at its own moment of the year, interleaved as they would have happened.
 */
final class DemoTimeline {

  private final PriorityQueue<Step> steps =
      new PriorityQueue<>(
          (a, b) ->
              a.at().equals(b.at())
                  ? Long.compare(a.order(), b.order())
                  : a.at().compareTo(b.at()));
  private long added;
  private Instant now;

  DemoTimeline(Instant start) {
    this.now = start;
  }

  void at(Instant at, Runnable action) {
    steps.add(new Step(at.isBefore(now) ? now : at, added++, action));
  }

  /** A step this long after the current one. */
  void after(Duration delay, Runnable action) {
    at(now.plus(delay), action);
  }

  Instant now() {
    return now;
  }

  /** The next step due no later than {@code end}; null when none is left before it. */
  Step next(Instant end) {
    Step step = steps.peek();
    if (step == null || step.at().isAfter(end)) {
      return null;
    }
    steps.poll();
    now = step.at();
    return step;
  }

  /** Steps that would come after the end: the applications still under way today. */
  int leftOver() {
    return steps.size();
  }

  record Step(Instant at, long order, Runnable action) {}
}
