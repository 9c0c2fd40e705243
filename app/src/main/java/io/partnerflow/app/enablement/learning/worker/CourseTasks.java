package io.partnerflow.app.enablement.learning.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.partnerflow.app.enablement.learning.QuizSubmitted;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Completes the person's "Complete the course" task of the enablement process once the course is
 * finished: its quiz passed, or its attempts used up (outcome FAILED). The enrolment already holds
 * the outcome; the task completion only moves the process on, so a failed call is repeated the next
 * time the course page is opened ({@link #completeIfFinished}).
 */
@Component
public class CourseTasks {

  static final String COURSE_TASK = "complete-course";
  private static final Logger log = LoggerFactory.getLogger(CourseTasks.class);

  private final CamundaClient client;
  private final ObjectMapper json;
  private final io.partnerflow.app.enablement.learning.LearningService learning;

  CourseTasks(
      CamundaClient client,
      ObjectMapper json,
      io.partnerflow.app.enablement.learning.LearningService learning) {
    this.client = client;
    this.json = json;
    this.learning = learning;
  }

  /** After the graded attempt is committed: a finished course completes its task. */
  @TransactionalEventListener
  void onQuizSubmitted(QuizSubmitted submitted) {
    if (submitted.enrolmentId() == null || !(submitted.passed() || submitted.outOfAttempts())) {
      return;
    }
    try {
      complete(submitted.enrolmentId(), currentUsername());
    } catch (RuntimeException e) {
      log.warn(
          "The course task of enrolment {} is not completed yet (done on the next visit): {}",
          submitted.enrolmentId(),
          e.getMessage());
    }
  }

  /**
   * Completes the enrolment's open course task when the enrolment is finished (called by the course
   * page, which a person opens again after a lost completion).
   */
  public void completeIfFinished(long enrolmentId, String status) {
    // status: the enrolment's (PASSED or FAILED finish the course)
    if ("PASSED".equals(status) || "FAILED".equals(status)) {
      try {
        complete(enrolmentId, currentUsername());
      } catch (RuntimeException e) {
        log.warn(
            "The course task of enrolment {} is not completed: {}", enrolmentId, e.getMessage());
      }
    }
  }

  /** The person's open course task for the enrolment, if the enablement process has one. */
  public Optional<UserTask> openTask(long enrolmentId, String username) {
    for (UserTask task :
        client
            .newUserTaskSearchRequest()
            .filter(
                filter ->
                    filter.elementId(COURSE_TASK).assignee(username).state(UserTaskState.CREATED))
            .send()
            .join()
            .items()) {
      if (enrolmentOf(task.getUserTaskKey()).filter(id -> id == enrolmentId).isPresent()) {
        return Optional.of(task);
      }
    }
    return Optional.empty();
  }

  private void complete(long enrolmentId, String username) {
    Optional<UserTask> task = openTask(enrolmentId, username);
    if (task.isEmpty()) {
      return;
    }
    try {
      // the outcome is the enrolment's; the task only moves the process on
      client.newCompleteUserTaskCommand(task.get().getUserTaskKey()).send().join();
    } catch (ProblemException e) {
      if (e.code() != 409 && e.code() != 404) {
        throw e;
      }
      // completed meanwhile (the page and the event at once): nothing left to do
    }
  }

  /** The person finishing the course: the submitter, or the one who opened their course page. */
  private static String currentUsername() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("No person to complete a course task for");
    }
    return authentication.getName();
  }

  /** The enrolment named by the task's {@code assignment} variable. */
  Optional<Long> enrolmentOf(long userTaskKey) {
    for (Variable variable :
        client.newUserTaskVariableSearchRequest(userTaskKey).send().join().items()) {
      if ("assignment".equals(variable.getName())) {
        try {
          Map<?, ?> value = json.readValue(variable.getValue(), Map.class);
          return Optional.of(Assignment.of(value).enrolmentId());
        } catch (Exception e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
