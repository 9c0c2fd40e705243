package io.partnerflow.app.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link NotificationDispatcher} on Spring's task scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationScheduling {}
