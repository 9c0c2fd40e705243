package io.partnerflow.app.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.security.PortalRole;
import org.junit.jupiter.api.Test;

class PartnerGroupsTest {

  @Test
  void shouldNameTheOrganisationsGroupsAndTellThemFromStaffGroups() {
    assertThat(PartnerGroups.withRole(7, PortalRole.SIGNATORY))
        .isEqualTo(PartnerGroups.signatories(7))
        .isEqualTo("partner-7-signatory");
    assertThat(PartnerGroups.withRole(7, PortalRole.MAIN_CONTACT))
        .isEqualTo("partner-7-main-contact");
    assertThat(PartnerGroups.isPartnerGroup("partner-7")).isTrue();
    assertThat(PartnerGroups.isPartnerGroup("partner-7-sales")).isTrue();
    assertThat(PartnerGroups.isPartnerGroup("partner-managers")).isFalse();
    assertThat(PartnerGroups.isPartnerGroup("partner-manager-leads")).isFalse();
    assertThat(PartnerGroups.isPartnerGroup("partners")).isFalse();
    assertThat(PartnerGroups.isPartnerGroup(null)).isFalse();
  }
}
