package io.partnerflow.app.form.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.form.FormFileRef;
import io.partnerflow.app.form.FormFileRefusedException;
import io.partnerflow.app.form.ValidationMessages;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.InvalidSubmissionException;
import io.partnerflow.app.tasklist.TaskFixtures;
import io.partnerflow.app.tasklist.TaskListService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Files of task forms against the real database and engine: what is stored, what is refused, and
 * who may read it on which task.
 */
@PartnerflowTest
class FormFilesTest {

  private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired FormFiles files;
  @Autowired TaskListService tasks;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;

  private TaskFixtures fixtures;
  private String processId;

  @BeforeEach
  void deploy() throws Exception {
    fixtures = new TaskFixtures(client);
    byte[] form =
        new ClassPathResource("forms-test/attachment-test.form").getInputStream().readAllBytes();
    client.newDeployResourceCommand().addResourceBytes(form, "attachment-test.form").send().join();
    // a manager attaches, then legal checks: the later task of the same instance
    processId = "form-files-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("attach")
                .zeebeUserTask()
                .zeebeCandidateGroups("partner-managers")
                .zeebeFormId("attachment-test")
                .userTask("check")
                .zeebeUserTask()
                .zeebeCandidateGroups("legal")
                .zeebeFormId("attachment-test")
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
  }

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldStoreAFileWithTheTypeSniffedFromItsBytes() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");

    // when
    FormFileRef stored = files.upload(task, "../../offer.txt", PDF);

    // then: the bytes say PDF, whatever the name says; the path is gone
    assertThat(stored.contentType()).isEqualTo("application/pdf");
    assertThat(stored.fileName()).isEqualTo("offer.txt");
    assertThat(stored.size()).isEqualTo(PDF.length);
    assertThat(files.find(stored.reference())).contains(stored);
    assertThat(files.content(stored.reference())).isEqualTo(PDF);
  }

  @Test
  void shouldRefuseARenamedExecutableAnOversizedAndAnEmptyFile() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");
    byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    byte[] tooLarge = new byte[(int) files.maxBytes() + 1];
    System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);

    // when / then
    assertRefused(
        () -> files.upload(task, "contract.pdf", executable), ValidationMessages.FILE_TYPE);
    assertRefused(() -> files.upload(task, "notes.txt", html), ValidationMessages.FILE_TYPE);
    assertRefused(() -> files.upload(task, "big.pdf", tooLarge), ValidationMessages.FILE_TOO_LARGE);
    assertRefused(
        () -> files.upload(task, "empty.pdf", new byte[0]), ValidationMessages.FILE_EMPTY);
  }

  @Test
  void shouldLetOnlyWhoMayWorkTheTaskUploadAndRead() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("legal");

    // when / then: legal is not a candidate of the first task
    assertThatThrownBy(() -> files.upload(task, "offer.pdf", PDF))
        .isInstanceOf(AccessDeniedException.class);

    // given
    loginAs("manager");
    FormFileRef stored = files.upload(task, "offer.pdf", PDF);

    // when / then
    loginAs("legal");
    assertThat(files.find(stored.reference())).isEmpty();
    assertRefused(() -> files.content(stored.reference()), ValidationMessages.FILE_UNKNOWN);
  }

  @Test
  void shouldOfferTheFileOnTheLaterTaskAndRefuseAnotherInstancesFile() throws Exception {
    // given: a manager attaches a file and completes the first task
    long first = fixtures.startAndAwaitTask(processId, Map.of());
    long other = fixtures.startAndAwaitTask(processId, Map.of());
    loginAs("manager");
    FormFileRef stored = files.upload(first, "offer.pdf", PDF);

    // when: the other instance's task is completed naming that file (a tampered submission)
    tasks.claim(other);

    // then
    assertThatThrownBy(() -> tasks.complete(other, Map.of("document", stored.reference())))
        .isInstanceOfSatisfying(
            InvalidSubmissionException.class,
            refused ->
                assertThat(refused.errors())
                    .singleElement()
                    .satisfies(
                        error ->
                            assertThat(error.messageKey())
                                .isEqualTo(ValidationMessages.FILE_UNKNOWN)));

    // when: the first task is completed with it
    tasks.claim(first);
    tasks.complete(first, Map.of("document", stored.reference()));

    // then: legal, who may work the later task, sees and downloads it; a partner user does not
    loginAs("legal");
    long later = awaitTaskOf(first);
    assertThat(tasks.get(later).variables()).containsEntry("document", stored.reference());
    assertThat(files.find(stored.reference())).contains(stored);
    assertThat(files.content(stored.reference())).isEqualTo(PDF);
    loginAs("partner");
    assertThat(files.find(stored.reference())).isEmpty();
  }

  private long awaitTaskOf(long completedTask) throws InterruptedException {
    long instance =
        client.newUserTaskGetRequest(completedTask).send().join().getProcessInstanceKey();
    for (int i = 0; i < 400; i++) {
      var open =
          client
              .newUserTaskSearchRequest()
              .filter(
                  filter ->
                      filter
                          .processInstanceKey(instance)
                          .state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
              .send()
              .join()
              .items();
      if (!open.isEmpty()) {
        return open.get(0).getUserTaskKey();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No later task");
  }

  private static void assertRefused(Runnable call, String messageKey) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            FormFileRefusedException.class,
            refused -> assertThat(refused.messageKey()).isEqualTo(messageKey));
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
