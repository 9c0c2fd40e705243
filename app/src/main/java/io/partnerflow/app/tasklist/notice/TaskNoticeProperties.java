package io.partnerflow.app.tasklist.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff notices about tasks ({@code partnerflow.task-notices.*}).
 *
 * @param sweepInterval how often the engine is asked for tasks the process assigned and tasks that
 *     became overdue
 * @param lookback how far back a sweep looks (longer than the interval, so a missed run loses
 *     nothing; every notice is sent once whatever the overlap)
 * @param digestCron when the daily digest goes out (Spring cron, in {@code digest-zone})
 * @param digestZone the zone of {@code digest-cron}
 * @param badgePoll how often an open page refreshes the count of new tasks
 */
@ConfigurationProperties("partnerflow.task-notices")
public record TaskNoticeProperties(
    @DefaultValue("PT1M") Duration sweepInterval,
    @DefaultValue("PT2H") Duration lookback,
    @DefaultValue("0 0 7 * * *") String digestCron,
    @DefaultValue("UTC") String digestZone,
    @DefaultValue("PT30S") Duration badgePoll) {}
