package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JobNotificationListener;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.JobsAvailable;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.KeyGenerator;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates and cancels the jobs of job-worker elements, and wakes waiting workers. */
@Component
public class JobBehavior {

  private final JobRepository jobs;
  private final KeyGenerator keys;
  private final EngineClock clock;
  private final JsonValues json;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final JobNotificationListener notifications;

  public JobBehavior(
      JobRepository jobs,
      KeyGenerator keys,
      EngineClock clock,
      JsonValues json,
      ApplicationEventPublisher events,
      JdbcClient jdbc,
      JobNotificationListener notifications) {
    this.jobs = jobs;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
    this.events = events;
    this.jdbc = jdbc;
    this.notifications = notifications;
  }

  public long create(
      ProcessInstanceRecord processInstance,
      long elementInstanceKey,
      String elementId,
      String type,
      int retries,
      Map<String, String> headers) {
    return create(
        processInstance,
        elementInstanceKey,
        elementId,
        type,
        retries,
        headers,
        JobRecord.BPMN_ELEMENT,
        null,
        null);
  }

  /** A job of the given kind; for listeners with their event type and position. */
  public long create(
      ProcessInstanceRecord processInstance,
      long elementInstanceKey,
      String elementId,
      String type,
      int retries,
      Map<String, String> headers,
      String kind,
      String listenerEventType,
      Integer listenerIndex) {
    long key = keys.next();
    jobs.insertAndNotify(
        new JobRecord(
            key,
            type,
            kind,
            JobRecord.ACTIVATABLE,
            retries,
            null,
            null,
            clock.nowAtUtc(),
            null,
            json.write(headers),
            processInstance.key(),
            elementInstanceKey,
            elementId,
            processInstance.processDefinitionKey(),
            processInstance.bpmnProcessId(),
            processInstance.version(),
            processInstance.tenantId(),
            listenerEventType,
            listenerIndex),
        clock.nowAtUtc(),
        JobNotificationListener.CHANNEL,
        notifications.payload(type));
    // other nodes: the NOTIFY sent with the insert; this JVM: an event after commit
    events.publishEvent(new JobsAvailable(type));
    return key;
  }

  /**
   * Wakes long polls for this type once the transaction commits: in this JVM through a Spring
   * event, on other nodes through NOTIFY (which PostgreSQL delivers on commit).
   */
  public void announce(String type) {
    events.publishEvent(new JobsAvailable(type));
    jdbc.sql("SELECT pg_notify(?, ?)")
        .params(JobNotificationListener.CHANNEL, notifications.payload(type))
        .query()
        .listOfRows();
  }

  /** Whether the listener at this position completed its job for the element instance. */
  public boolean completedListener(
      long elementInstanceKey, String kind, String eventType, int listenerIndex) {
    return jobs.completedListener(elementInstanceKey, kind, eventType, listenerIndex);
  }

  /** The element ended another way (terminated): its open job goes away. */
  public void cancelFor(long elementInstanceKey) {
    jobs.findOpenForElement(elementInstanceKey)
        .ifPresent(job -> jobs.setState(job.key(), JobRecord.CANCELED));
  }
}
