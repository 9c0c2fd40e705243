package io.partnerflow.engine.robustness;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Turns a chatty logger of this JVM down to errors for a while, and back. */
final class QuietLogger {

  private final Logger logger;
  private final Level level;

  QuietLogger(String name) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.level = logger.getLevel();
  }

  void quiet() {
    logger.setLevel(Level.ERROR);
  }

  void restore() {
    logger.setLevel(level);
  }
}
