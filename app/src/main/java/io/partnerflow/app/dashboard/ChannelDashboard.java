package io.partnerflow.app.dashboard;

import java.util.List;

/** Everything the channel dashboard shows, for one filter. */
public record ChannelDashboard(
    ChannelFilter filter,
    List<FunnelStep> funnel,
    List<StageTime> stageTimes,
    SlaBreaches breaches,
    List<CountBy> partnersByTier,
    List<CountBy> partnersByCountry,
    List<Coverage> certification) {}
