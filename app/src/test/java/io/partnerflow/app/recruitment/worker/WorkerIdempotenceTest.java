package io.partnerflow.app.recruitment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recruitment workers called again for the same job (a retry after a time-out or a crash before the
 * job was completed) queue nothing new, and the invitation binds only identities that belong
 * together.
 */
@PartnerflowTest
class WorkerIdempotenceTest {

  @Autowired InvitePortalUserWorker invitations;
  @Autowired RecruitmentNoticeWorker notices;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldQueueOneInvitationAndOneAccountForARetriedJob() {
    // given
    long application = application("retry-" + UUID.randomUUID() + "@example.org");
    long partner = partnerFrom(application);
    ActivatedJob job = job();
    RecruitmentVariables variables =
        new RecruitmentVariables(application, null, "Silver", null, 70, "manager", partner);

    // when
    invitations.invite(job, variables);
    invitations.invite(job, variables);

    // then
    assertThat(count("template = 'portal-invitation' AND reference_id = :id", partner)).isOne();
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.app_user WHERE partner_id = :id")
                .param("id", partner)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void shouldQueueOneNoticeForARetriedJob() {
    // given
    long application = application("notice-" + UUID.randomUUID() + "@example.org");
    ActivatedJob job = job();
    RecruitmentVariables variables =
        new RecruitmentVariables(application, null, null, null, 10, null, null);
    Map<String, String> headers = Map.of("template", "application-rejected", "status", "REJECTED");

    // when
    notices.send(job, variables, headers);
    notices.send(job, variables, headers);

    // then
    assertThat(count("template = 'application-rejected' AND reference_id = :id", application))
        .isOne();
  }

  @Test
  void shouldRefuseToInviteForAPartnerCreatedFromAnotherApplication() {
    // given: the process names a partner that came from someone else's application
    long mine = application("mine-" + UUID.randomUUID() + "@example.org");
    long theirs = application("theirs-" + UUID.randomUUID() + "@example.org");
    partnerFrom(mine);
    long theirPartner = partnerFrom(theirs);

    // when / then: nobody is invited into their organisation
    assertThatThrownBy(
            () ->
                invitations.invite(
                    job(),
                    new RecruitmentVariables(mine, null, null, null, 1, "manager", theirPartner)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not created from application " + mine);
    assertThat(
            jdbc.sql("SELECT count(*) FROM app.app_user WHERE partner_id = :id")
                .param("id", theirPartner)
                .query(Long.class)
                .single())
        .isZero();
  }

  private static ActivatedJob job() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    return job;
  }

  private long application(String email) {
    return jdbc.sql(
            "INSERT INTO app.application (company_name, contact_name, contact_email, country,"
                + " partner_type, data, locale, status) VALUES (:company, 'Ada', :email, 'DE',"
                + " 'reseller', '{}'::jsonb, 'en', 'IN_REVIEW') RETURNING id")
        .param("company", "Worker Test " + UUID.randomUUID())
        .param("email", email)
        .query(Long.class)
        .single();
  }

  private long partnerFrom(long application) {
    return jdbc.sql(
            "INSERT INTO app.partner (name, country, type, tier, status, application_id)"
                + " VALUES (:name, 'DE', 'RESELLER', 'SILVER', 'ONBOARDING', :application)"
                + " RETURNING id")
        .param("name", "Partner " + UUID.randomUUID())
        .param("application", application)
        .query(Long.class)
        .single();
  }

  private long count(String where, long referenceId) {
    return jdbc.sql("SELECT count(*) FROM app.notification_outbox WHERE " + where)
        .param("id", String.valueOf(referenceId))
        .query(Long.class)
        .single();
  }
}
