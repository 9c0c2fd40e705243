package io.partnerflow.engine.state;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 64-bit keys from the database sequence {@code engine.key_seq}, which steps by {@link #BLOCK}:
 * each nextval reserves a block that this node hands out from memory, so keys stay unique across
 * nodes without a round trip per key.
 */
@Component
public class KeyGenerator {

  static final int BLOCK = 100;

  private final JdbcClient jdbc;
  private long next;
  private long limit;

  public KeyGenerator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public synchronized long next() {
    if (next >= limit) {
      next = jdbc.sql("SELECT nextval('engine.key_seq')").query(Long.class).single();
      limit = next + BLOCK;
    }
    return next++;
  }
}
