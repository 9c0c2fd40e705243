package io.partnerflow.engine.robustness;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The engine as a node of its own: the main class of the child JVMs that {@link EngineNode} starts.
 * Nothing but the engine's auto-configuration; the database URL and port come as {@code
 * --spring.datasource.url=...} and {@code --server.port=...} arguments.
 *
 * <p>Not a {@code @Configuration}, so that the engine's component scan leaves it out of the test
 * JVM's contexts.
 */
@EnableAutoConfiguration
public class EngineNodeMain {

  public static void main(String[] args) {
    haltWhenParentIsGone();
    new SpringApplicationBuilder(EngineNodeMain.class)
        .web(WebApplicationType.SERVLET)
        .properties(
            "spring.datasource.username=postgres",
            "spring.datasource.hikari.maximum-pool-size=10",
            "spring.liquibase.enabled=false",
            "spring.main.banner-mode=off")
        .run(args);
  }

  /**
   * The test JVM holds this JVM's stdin open: end of input means the test JVM has died (even by
   * SIGKILL, when no @AfterAll runs), and an orphaned engine must not keep working on the database.
   */
  private static void haltWhenParentIsGone() {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                  // the parent writes nothing; keep waiting for end of input
                }
              } catch (IOException e) {
                // treated as end of input
              }
              Runtime.getRuntime().halt(3);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
