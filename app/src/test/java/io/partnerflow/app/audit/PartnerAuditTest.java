package io.partnerflow.app.audit;

import static io.partnerflow.app.audit.AuditTestData.actAs;
import static io.partnerflow.app.audit.AuditTestData.actAsAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each change of a partner's tier, status and owner leaves one entry with before and after. */
@PartnerflowTest
class PartnerAuditTest {

  @Autowired PartnerService partners;
  @Autowired AuditLog auditLog;

  @AfterEach
  void logout() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRecordCreationAndEachChangeWithBeforeAndAfter() {
    // given
    actAs("manager", "ROLE_PARTNER_MANAGER");
    long id =
        partners.create(
            PartnerTestData.newPartner(
                PartnerTestData.unique("Audited Co"), PartnerType.RESELLER, PartnerTier.SILVER));

    // when
    partners.changeTier(id, PartnerTier.GOLD);
    partners.changeTier(id, PartnerTier.GOLD); // no change, no entry
    partners.changeStatus(id, PartnerStatus.ACTIVE);
    partners.changeOwner(id, "admin");

    // then
    actAsAdmin();
    List<AuditEntry> entries = auditLog.find(AuditFilter.all().withPartner(id), 0, 10);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsOnly(AuditAction.PARTNER_CHANGED)
        .hasSize(4);
    assertThat(entries).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("manager"));
    assertThat(entries)
        .extracting(AuditEntry::before, AuditEntry::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "{\"owner\": \"manager\"}", "{\"owner\": \"admin\"}"),
            org.assertj.core.groups.Tuple.tuple(
                "{\"status\": \"ONBOARDING\"}", "{\"status\": \"ACTIVE\"}"),
            org.assertj.core.groups.Tuple.tuple("{\"tier\": \"SILVER\"}", "{\"tier\": \"GOLD\"}"),
            org.assertj.core.groups.Tuple.tuple(null, entries.get(3).after()));
    assertThat(entries.get(3).after()).contains("\"tier\": \"SILVER\"", "Audited Co");
  }
}
