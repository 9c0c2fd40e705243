package io.partnerflow.app.dashboard;

import io.partnerflow.app.qbr.DueReview;
import java.util.List;

/** A partner manager's plan attainment per partner and the quarterly reviews due. */
public record MyPlans(List<PlanAttainment> attainment, List<DueReview> reviewsDue) {}
