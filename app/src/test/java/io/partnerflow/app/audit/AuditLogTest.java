package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAs;
import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static io.partnerflow.app.audit.AuditTestData.uniqueId;
import static io.partnerflow.app.audit.AuditTestData.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerflow.app.support.MovableClock;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@PartnerflowTest
class AuditLogTest {

  @Autowired AuditLog auditLog;
  @Autowired AuditRepository repository;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void cleanUp() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void shouldRecordWhoWhenFromWhereWhatBeforeAndAfter() {
    // given
    MovableClock clock = new MovableClock(Instant.parse("2031-05-06T07:08:09Z"));
    AuditLog log = new AuditLog(repository, json, clock);
    actAs("manager", "ROLE_PARTNER_MANAGER");
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("203.0.113.7");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    long partnerId = uniqueKey();

    // when
    log.record(
        AuditAction.PARTNER_CHANGED,
        AuditSubject.partner(partnerId),
        Map.of("tier", "SILVER"),
        Map.of("tier", "GOLD"));

    // then
    actAsAdmin();
    assertThat(auditLog.find(AuditFilter.all().withPartner(partnerId), 0, 10))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
              assertThat(entry.actor()).isEqualTo("manager");
              assertThat(entry.clientAddress()).isEqualTo("203.0.113.7");
              assertThat(entry.action()).isEqualTo(AuditAction.PARTNER_CHANGED);
              assertThat(entry.subject()).isEqualTo(AuditSubject.partner(partnerId));
              assertThat(entry.before()).isEqualTo("{\"tier\": \"SILVER\"}");
              assertThat(entry.after()).isEqualTo("{\"tier\": \"GOLD\"}");
            });
  }

  @Test
  void shouldRecordSystemWithoutAddressWhenNoUserAndNoRequest() {
    // given
    String model = uniqueId("model");

    // when
    auditLog.record(AuditAction.MODEL_DEPLOYED, AuditSubject.model(model), null, "v2");

    // then
    actAsAdmin();
    assertThat(auditLog.find(AuditFilter.all().withSubject(AuditSubject.MODEL, model), 0, 10))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.actor()).isEqualTo("system");
              assertThat(entry.clientAddress()).isNull();
              assertThat(entry.before()).isNull();
              assertThat(entry.after()).isEqualTo("\"v2\"");
            });
  }

  @Test
  void shouldFilterByEachCriterionAndPageNewestFirst() {
    // given five entries a minute apart, by two actors, about two partners
    MovableClock clock = new MovableClock(Instant.parse("2032-01-01T10:00:00Z"));
    AuditLog log = new AuditLog(repository, json, clock);
    long partner = uniqueKey();
    long otherPartner = uniqueKey();
    long instance = uniqueKey();
    String alice = uniqueId("alice");
    String bob = uniqueId("bob");
    actAs(alice, "ROLE_PARTNER_MANAGER");
    log.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(partner), "a", "b");
    clock.advance(Duration.ofMinutes(1));
    log.record(
        AuditAction.TASK_CLAIMED, AuditSubject.task(uniqueKey(), partner, instance), null, alice);
    clock.advance(Duration.ofMinutes(1));
    actAs(bob, "ROLE_PARTNER_MANAGER");
    log.record(
        AuditAction.TASK_COMPLETED,
        AuditSubject.task(uniqueKey(), partner, instance),
        null,
        Map.of("approved", true));
    clock.advance(Duration.ofMinutes(1));
    log.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(otherPartner), "b", "c");
    clock.advance(Duration.ofMinutes(1));
    log.record(AuditAction.PARTNER_CHANGED, AuditSubject.partner(partner), "b", "c");
    actAsAdmin();
    AuditFilter ofPartner = AuditFilter.all().withPartner(partner);

    // when / then
    assertThat(auditLog.count(ofPartner)).isEqualTo(4);
    assertThat(actions(auditLog.find(ofPartner, 0, 10)))
        .containsExactly(
            AuditAction.PARTNER_CHANGED,
            AuditAction.TASK_COMPLETED,
            AuditAction.TASK_CLAIMED,
            AuditAction.PARTNER_CHANGED);
    assertThat(actions(auditLog.find(ofPartner, 1, 2)))
        .containsExactly(AuditAction.TASK_COMPLETED, AuditAction.TASK_CLAIMED);
    assertThat(auditLog.count(ofPartner.withActor(alice))).isEqualTo(2);
    assertThat(auditLog.count(AuditFilter.all().withActor(bob))).isEqualTo(3);
    assertThat(auditLog.count(ofPartner.withAction(AuditAction.PARTNER_CHANGED))).isEqualTo(2);
    assertThat(auditLog.count(AuditFilter.all().withProcessInstance(instance))).isEqualTo(2);
    assertThat(
            auditLog.count(
                AuditFilter.all().withSubject(AuditSubject.PARTNER, Long.toString(otherPartner))))
        .isEqualTo(1);
    assertThat(
            auditLog.count(
                ofPartner.withPeriod(
                    Instant.parse("2032-01-01T10:01:00Z"), Instant.parse("2032-01-01T10:04:00Z"))))
        .isEqualTo(2);
    List<AuditEntry> exported = new ArrayList<>();
    auditLog.export(ofPartner.withActor(bob), exported::add);
    assertThat(actions(exported))
        .containsExactly(AuditAction.PARTNER_CHANGED, AuditAction.TASK_COMPLETED);
  }

  @Test
  void shouldLoseTheEntryWithTheChangeItsTransactionRollsBack() {
    // given
    String user = uniqueId("user");

    // when
    transactions.executeWithoutResult(
        status -> {
          auditLog.record(AuditAction.USER_CHANGED, AuditSubject.user(user), null, "x");
          status.setRollbackOnly();
        });

    // then
    actAsAdmin();
    assertThat(auditLog.count(AuditFilter.all().withSubject(AuditSubject.USER, user))).isZero();
  }

  @Test
  void shouldLetOnlyAdministratorsRead() {
    // given
    actAs("manager", "ROLE_PARTNER_MANAGER");

    // when / then
    assertThatThrownBy(() -> auditLog.find(AuditFilter.all(), 0, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> auditLog.count(AuditFilter.all()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> auditLog.export(AuditFilter.all(), entry -> {}))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static List<AuditAction> actions(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::action).toList();
  }
}
