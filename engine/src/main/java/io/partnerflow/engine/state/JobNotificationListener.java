package io.partnerflow.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs on {@link #CHANNEL} so that jobs created on another node sharing the database wake this
 * node's long polls at once. Holds one connection of the pool; when the connection breaks it
 * reconnects, and meanwhile the long poll's periodic sweep still finds jobs.
 *
 * <p>The payload is the creating node's id and the job type ({@link #payload}); a bare job type is
 * read as another node's. A node's own notifications are dropped: it has woken its long polls
 * already, in the same JVM after the commit, and a second wake-up would claim again for nothing.
 */
@Component
public class JobNotificationListener implements SmartLifecycle, DisposableBean {

  /** PostgreSQL channel; the NOTIFY is sent inside the creating transaction. */
  public static final String CHANNEL = "partnerflow_engine_jobs";

  private static final Logger LOG = LoggerFactory.getLogger(JobNotificationListener.class);
  private static final int POLL_MILLIS = 500;

  private static final Pattern NODE_PAYLOAD =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:.*", Pattern.DOTALL);

  private final String node = UUID.randomUUID().toString();
  private final DataSource dataSource;
  private final ApplicationEventPublisher events;
  private volatile boolean running;
  private Thread thread;

  public JobNotificationListener(
      DataSource dataSource, ApplicationEventPublisher events, EngineSchemaMigration migrated) {
    this.dataSource = dataSource;
    this.events = events;
  }

  /** What this node's NOTIFY for a new job of the type carries. */
  public String payload(String type) {
    return node + ':' + type;
  }

  /** The job type of a notification, or null for this node's own. */
  String typeOf(String payload) {
    if (!NODE_PAYLOAD.matcher(payload).matches()) {
      return payload;
    }
    return payload.startsWith(node) ? null : payload.substring(node.length() + 1);
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::listen, "engine-job-notifications");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    stop();
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              String type = typeOf(notification.getParameter());
              if (type != null) {
                events.publishEvent(new JobsAvailable(type));
              }
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warn("Job notifications interrupted, reconnecting: {}", e.getMessage());
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
