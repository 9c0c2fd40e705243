package io.partnerflow.app.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's task scheduler, for the platform's schedules (e.g. the retry of process starts). The
 * {@link NotificationDispatcher} runs on its own pool instead, so that a hanging SMTP server cannot
 * hold those up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationScheduling {}
