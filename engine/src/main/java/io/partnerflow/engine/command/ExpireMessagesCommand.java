package io.partnerflow.engine.command;

import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.MessageRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the scheduler: deletes buffered messages whose time-to-live has passed, and delivers buffered
 * messages whose publishing node stopped before delivering them.
 */
@Component
public class ExpireMessagesCommand {

  private final MessageRepository messages;
  private final MessageCorrelator correlator;
  private final EngineClock clock;

  public ExpireMessagesCommand(
      MessageRepository messages, MessageCorrelator correlator, EngineClock clock) {
    this.messages = messages;
    this.correlator = correlator;
    this.clock = clock;
  }

  /**
   * Delivers up to {@code max} buffered messages that were claimed for a process but not delivered
   * (each delivery in its own transaction); returns how many.
   */
  public int redeliver(int max) {
    return correlator.redeliver(max);
  }

  /** Deletes up to {@code max} expired messages; returns how many. */
  @Transactional
  public int execute(int max) {
    return messages.deleteExpired(clock.nowAtUtc(), max);
  }
}
