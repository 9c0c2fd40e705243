package io.partnerflow.app.dashboard;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Open user tasks past their due date, counted by the engine's search API: the due dates are the
 * processes' own ({@code zeebe:taskSchedule}), so the dashboard repeats no deadline of a model.
 */
@Component
class OverdueTasks {

  static final String RECRUITMENT = "partner-recruitment";
  static final String REVIEW = "review-application";
  static final String SIGNING = "contract-signing";
  static final String SIGN = "sign-contract";
  static final String COUNTERSIGN = "countersign-contract";

  private final CamundaClient client;

  OverdueTasks(CamundaClient client) {
    this.client = client;
  }

  SlaBreaches count(OffsetDateTime now) {
    return new SlaBreaches(
        count(RECRUITMENT, REVIEW, now),
        count(SIGNING, SIGN, now) + count(SIGNING, COUNTERSIGN, now));
  }

  private long count(String processId, String elementId, OffsetDateTime now) {
    Long total =
        client
            .newUserTaskSearchRequest()
            .filter(
                filter ->
                    filter
                        .state(UserTaskState.CREATED)
                        .bpmnProcessId(processId)
                        .elementId(elementId)
                        .dueDate(due -> due.lt(now)))
            .page(page -> page.limit(1))
            .send()
            .join()
            .page()
            .totalItems();
    return total == null ? 0 : total;
  }
}
