package io.partnerflow.app.recruitment.application;

import java.util.List;
import java.util.Optional;

/** What the applicant's status page shows: the application, its history, a task for them. */
public record ApplicationStatusPage(
    Application application,
    List<ApplicationEvent> history,
    Optional<InformationRequest> informationRequest) {}
