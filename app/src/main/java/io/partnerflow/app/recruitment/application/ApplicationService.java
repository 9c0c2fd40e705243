package io.partnerflow.app.recruitment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.base.secret.InstallationSecrets;
import io.partnerflow.app.form.FieldError;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.form.FormValidationResult;
import io.partnerflow.app.form.ValidationMessages;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.notification.SecretLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public intake of partner applications: the form, submissions (checked on the server, limited
 * per address, stored before the process starts), the applicant's status page and their answer to
 * an information request. Anonymous by design: the token of the status page is the applicant's only
 * authorisation, and {@link #recordStatus} and {@link #find} serve the process's system workers.
 *
 * <p>Nothing is lost when the engine does not answer: the application is stored (with its SUBMITTED
 * event and the e-mail) first; its process start is then claimed and tried at once, and {@link
 * ProcessStartRetry} retries every application still without a process instance. The last error
 * stays in {@code app.application.last_start_error} for administrators.
 */
@Service
public class ApplicationService {

  static final List<String> IDENTITY_FIELDS =
      List.of("companyName", "contactName", "contactEmail", "country", "partnerType");

  private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

  private final ApplicationRepository repository;
  private final RecruitmentProcess process;
  private final FormService forms;
  private final NotificationService notifications;
  private final RecruitmentProperties properties;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final AddressHasher addresses;
  private final FormTickets tickets;

  ApplicationService(
      ApplicationRepository repository,
      RecruitmentProcess process,
      FormService forms,
      NotificationService notifications,
      RecruitmentProperties properties,
      ObjectMapper json,
      PlatformTransactionManager transactions,
      InstallationSecrets secrets,
      FormTickets tickets) {
    this.repository = repository;
    this.process = process;
    this.forms = forms;
    this.notifications = notifications;
    this.properties = properties;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.addresses =
        new AddressHasher(
            properties.addressSalt(), () -> secrets.obtain(InstallationSecrets.ADDRESS_SALT));
    this.tickets = tickets;
  }

  /** The start form of the latest {@code partner-recruitment}; empty while none is deployed. */
  public Optional<ApplicationForm> applicationForm() {
    return process.latestStartForm().map(forms::parse).map(ApplicationForm::new);
  }

  /**
   * Checks a submission against the deployed start form, stores it with its SUBMITTED event,
   * e-mails the status link and starts the process. A filled honeypot is accepted and dropped: the
   * sender gets a receipt like anyone else, with a link that leads nowhere, and nothing is stored.
   *
   * @throws InvalidApplicationException with the field errors (also for an oversize submission)
   * @throws ApplicationRateLimitedException when the address reached its limit
   * @throws ApplicationsClosedException when no recruitment process is deployed
   * @throws FormTicketException when the form was sent sooner than a person fills it, or its ticket
   *     is missing, altered or too old
   */
  public ApplicationReceipt submit(ApplicationSubmission submission) {
    tickets.check(submission.formTicket());
    if (submission.honeypot() != null && !submission.honeypot().isEmpty()) {
      log.info("Dropped an application with a filled honeypot field");
      return receipt(ApplicationTokens.generate());
    }
    Map<String, Object> submitted = submission.values() == null ? Map.of() : submission.values();
    checkSize(submitted);
    FormSchema schema =
        process.latestStartForm().map(forms::parse).orElseThrow(ApplicationsClosedException::new);
    FormValidationResult checked =
        forms.validate(schema, ApplicationForm.variables(Locale.ENGLISH), submitted);
    if (!checked.isValid()) {
      throw new InvalidApplicationException(checked.errors());
    }
    Map<String, Object> values = checked.values();
    requireIdentity(values);
    String locale = languageTag(submission.locale());
    NewApplication application =
        new NewApplication(
            ApplicationTokens.generate(),
            text(values, "companyName"),
            text(values, "contactName"),
            text(values, "contactEmail"),
            text(values, "country"),
            text(values, "partnerType"),
            toJson(values),
            locale,
            addresses.hash(submission.remoteAddress()));
    long id = transaction.execute(status -> store(application));
    startProcess(id);
    return receipt(application.token());
  }

  /**
   * Sets the application's status and appends it to the history shown to the applicant. For the
   * process's workers: no user is needed. Recording the status it already has without a note adds
   * nothing (a retried job, or IN_REVIEW recorded by the answer and again by the process).
   *
   * @param note shown to the applicant beside the status, or null
   * @throws IllegalArgumentException when there is no such application
   */
  public void recordStatus(long applicationId, ApplicationStatus status, String note) {
    transaction.executeWithoutResult(
        tx -> {
          ApplicationStatus current =
              repository
                  .lockStatus(applicationId)
                  .orElseThrow(
                      () -> new IllegalArgumentException("No application " + applicationId));
          if (current == status && (note == null || note.isBlank())) {
            return;
          }
          repository.updateStatus(applicationId, status);
          repository.insertEvent(applicationId, status, note);
        });
  }

  /** The application by its id. For the process's workers: no user is needed. */
  public Optional<Application> find(long applicationId) {
    return repository.findById(applicationId);
  }

  /**
   * What the holder of the token may see; empty for an unknown or malformed token (the same answer
   * for both). An open information request comes with its form; when the engine cannot be asked,
   * the page shows without it.
   */
  public Optional<ApplicationStatusPage> statusPage(String token) {
    return findByToken(token)
        .map(
            application ->
                new ApplicationStatusPage(
                    application,
                    repository.events(application.id()),
                    informationRequest(application)));
  }

  /**
   * The applicant's answer to the open {@code provide-information} task of their application,
   * checked against the task's form, then IN_REVIEW is recorded.
   *
   * @throws InformationRequestClosedException when the token, the task or its state do not match
   * @throws InvalidApplicationException with the field errors
   */
  public void answerInformationRequest(String token, long taskKey, Map<String, Object> submitted) {
    Application application =
        findByToken(token).orElseThrow(InformationRequestClosedException::new);
    UserTask task =
        process
            .task(taskKey)
            .filter(candidate -> belongsTo(candidate, application))
            .orElseThrow(InformationRequestClosedException::new);
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    checkSize(values);
    FormValidationResult checked =
        forms.validate(taskForm(task.getUserTaskKey()), process.taskVariables(taskKey), values);
    if (!checked.isValid()) {
      throw new InvalidApplicationException(checked.errors());
    }
    Map<String, Object> variables = new HashMap<>(checked.values());
    // the next review starts blank, not with the last round's decision and question pre-filled
    variables.put("decision", null);
    variables.put("informationRequest", null);
    try {
      process.complete(taskKey, variables);
    } catch (ProblemException e) {
      if (e.code() == 404 || e.code() == 409) {
        throw new InformationRequestClosedException();
      }
      throw e;
    }
    recordStatus(application.id(), ApplicationStatus.IN_REVIEW, null);
  }

  /**
   * Starts the process of every application still without one (oldest first, at most {@code
   * limit}); returns how many started.
   */
  int startPendingProcesses(int limit) {
    int started = 0;
    for (long id : repository.unstartedIds(limit)) {
      if (startProcess(id)) {
        started++;
      }
    }
    return started;
  }

  /**
   * Starts the application's process unless it runs or someone else is starting it. Exactly once:
   * before creating an instance the engine is asked for one carrying this {@code applicationId} (a
   * starter that died after creating it and before recording it), which is then recorded instead.
   */
  boolean startProcess(long id) {
    if (!repository.claimStart(id, properties.startClaim())) {
      return false;
    }
    Application application = repository.findById(id).orElseThrow();
    Map<String, Object> variables = new HashMap<>(application.data());
    variables.put("applicationId", application.id());
    variables.put("applicantLocale", application.locale());
    try {
      Optional<Long> existing = process.instanceOf(id);
      long instance = existing.orElseGet(() -> process.start(variables));
      repository.setProcessInstance(id, instance);
      log.info(
          "Application {} {} process instance {}",
          id,
          existing.isPresent() ? "found its unrecorded" : "started",
          instance);
      return true;
    } catch (RuntimeException e) {
      repository.recordStartFailure(id, String.valueOf(e.getMessage()));
      log.warn(
          "Application {} stored, its process did not start (retried later): {}", id, e.toString());
      return false;
    }
  }

  private long store(NewApplication application) {
    repository.lockAddress(application.remoteAddressHash());
    long recent =
        repository.countSince(application.remoteAddressHash(), properties.rateLimitWindow());
    if (recent >= properties.maxApplicationsPerAddress()) {
      throw new ApplicationRateLimitedException();
    }
    long id = repository.insert(application);
    repository.insertToken(id, ApplicationTokens.hash(application.token()));
    repository.insertEvent(id, ApplicationStatus.SUBMITTED, null);
    notifications.enqueue(
        NotificationTemplates.APPLICATION_RECEIVED,
        new Recipient(application.contactEmail(), application.contactName()),
        Locale.forLanguageTag(application.locale()),
        Map.of(
            "applicantName", application.contactName(), "companyName", application.companyName()),
        Reference.of(Reference.APPLICATION, id),
        statusLink(id),
        "application/" + id + "/received");
    return id;
  }

  /**
   * The application of a status-page token; empty for an unknown or malformed one, and once the
   * application has been closed longer than {@code status-link-validity-after-close}.
   */
  public Optional<Application> findByToken(String token) {
    return ApplicationTokens.isWellFormed(token)
        ? repository.findByTokenHash(
            ApplicationTokens.hash(token), properties.statusLinkValidityAfterClose())
        : Optional.empty();
  }

  /**
   * The applicant's status link in a notice ({@code statusLink}): the outbox keeps it masked, a
   * fresh token is issued when the notice is sent ({@link StatusLinkIssuer}).
   */
  public static SecretLink statusLink(long applicationId) {
    return SecretLink.of("statusLink", StatusLinkIssuer.KIND, applicationId);
  }

  /** A new status link of the application, its token stored hashed; for the notice dispatcher. */
  String issueStatusLink(long applicationId) {
    if (repository.findById(applicationId).isEmpty()) {
      throw new IllegalStateException("No application " + applicationId);
    }
    String token = ApplicationTokens.generate();
    repository.insertToken(applicationId, ApplicationTokens.hash(token));
    return properties.statusLink(token);
  }

  private Optional<InformationRequest> informationRequest(Application application) {
    if (application.processInstanceKey() == null) {
      return Optional.empty();
    }
    try {
      return process
          .openInformationTask(application.processInstanceKey())
          .map(
              task ->
                  new InformationRequest(
                      task.getUserTaskKey(),
                      taskForm(task.getUserTaskKey()),
                      process.taskVariables(task.getUserTaskKey())));
    } catch (RuntimeException e) {
      log.warn(
          "Cannot ask the engine for application {}'s open task: {}",
          application.id(),
          e.toString());
      return Optional.empty();
    }
  }

  private FormSchema taskForm(long taskKey) {
    return process
        .taskForm(taskKey)
        .map(forms::parse)
        .or(() -> forms.load("additional-information"))
        .orElseThrow(() -> new IllegalStateException("No form for task " + taskKey));
  }

  private static boolean belongsTo(UserTask task, Application application) {
    return application.processInstanceKey() != null
        && application.processInstanceKey().equals(task.getProcessInstanceKey())
        && RecruitmentProcess.INFORMATION_TASK.equals(task.getElementId())
        && task.getState() == UserTaskState.CREATED;
  }

  private void checkSize(Map<String, Object> values) {
    String text;
    try {
      text = json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new InvalidApplicationException(
          List.of(FieldError.of("", ValidationMessages.NOT_TEXT)));
    }
    if (text.length() > properties.maxSubmissionChars()) {
      throw new InvalidApplicationException(
          List.of(FieldError.of("", "apply.error.tooLarge", properties.maxSubmissionChars())));
    }
  }

  /** The columns of the table come from the form: a form without them cannot be stored. */
  private static void requireIdentity(Map<String, Object> values) {
    List<FieldError> missing = new ArrayList<>();
    for (String key : IDENTITY_FIELDS) {
      if (text(values, key) == null) {
        missing.add(FieldError.of(key, ValidationMessages.REQUIRED));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidApplicationException(missing);
    }
  }

  private static String text(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private String toJson(Map<String, Object> values) {
    try {
      return json.writeValueAsString(new LinkedHashMap<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the application's values", e);
    }
  }

  /** {@code zh-CN} for any Chinese locale, {@code en} otherwise. */
  static String languageTag(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
  }

  private ApplicationReceipt receipt(String token) {
    return new ApplicationReceipt("apply/status/" + token, properties.statusLink(token));
  }
}
