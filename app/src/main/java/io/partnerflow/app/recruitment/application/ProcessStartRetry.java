package io.partnerflow.app.recruitment.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Starts the process of stored applications whose first start failed (engine down, process not
 * deployed), every {@code partnerflow.recruitment.start-retry-interval}, on every node; the claim
 * in the table keeps two nodes from starting the same one.
 */
@Component
class ProcessStartRetry implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ProcessStartRetry.class);
  private static final int BATCH = 20;

  private final ApplicationService applications;
  private final RecruitmentProperties properties;

  ProcessStartRetry(ApplicationService applications, RecruitmentProperties properties) {
    this.applications = applications;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::retrySafely, properties.startRetryInterval());
  }

  void retrySafely() {
    try {
      int started = applications.startPendingProcesses(BATCH);
      if (started > 0) {
        log.info("Started the process of {} waiting application(s)", started);
      }
    } catch (RuntimeException e) {
      log.warn("Retrying process starts failed: {}", e.toString());
    }
  }
}
