package io.partnerflow.engine.command;

import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.MessageRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** For the scheduler: deletes buffered messages whose time-to-live has passed. */
@Component
public class ExpireMessagesCommand {

  private final MessageRepository messages;
  private final EngineClock clock;

  public ExpireMessagesCommand(MessageRepository messages, EngineClock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** Deletes up to {@code max} expired messages; returns how many. */
  @Transactional
  public int execute(int max) {
    return messages.deleteExpired(clock.nowAtUtc(), max);
  }
}
