package io.partnerflow.app.recruitment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CreatePartnerWorkerTest {

  @Mock ApplicationService applications;
  @Mock PartnerService partners;

  @Test
  void shouldCreateThePartnerWithTheReviewersTierAndReturnOnlyItsId() {
    // given
    when(applications.find(7L)).thenReturn(Optional.of(application()));
    when(partners.create(any())).thenReturn(42L);
    CreatePartnerWorker worker = new CreatePartnerWorker(applications, partners);

    // when
    Map<String, Object> changed =
        worker.create(new RecruitmentVariables(7L, null, "Gold", "Silver", 70, "manager", null));

    // then
    assertThat(changed).containsOnly(Map.entry("partnerId", 42L));
    ArgumentCaptor<NewPartner> created = ArgumentCaptor.forClass(NewPartner.class);
    verify(partners).create(created.capture());
    assertThat(created.getValue().tier()).isEqualTo(PartnerTier.GOLD);
    assertThat(created.getValue().type()).isEqualTo(PartnerType.RESELLER);
    assertThat(created.getValue().ownerUsername()).isEqualTo("manager");
    assertThat(created.getValue().applicationId()).isEqualTo(7L);
    assertThat(created.getValue().fitScore()).isEqualTo(70);
  }

  @Test
  void shouldFallBackToTheSuggestedTierWhenTheReviewerChoseNone() {
    when(applications.find(7L)).thenReturn(Optional.of(application()));
    CreatePartnerWorker worker = new CreatePartnerWorker(applications, partners);

    worker.create(new RecruitmentVariables(7L, null, null, "Platinum", 90, "lead", null));

    ArgumentCaptor<NewPartner> created = ArgumentCaptor.forClass(NewPartner.class);
    verify(partners).create(created.capture());
    assertThat(created.getValue().tier()).isEqualTo(PartnerTier.PLATINUM);
  }

  @Test
  void shouldFailTheJobWhenTheInstanceHasNoApplication() {
    CreatePartnerWorker worker = new CreatePartnerWorker(applications, partners);

    assertThatThrownBy(
            () -> worker.create(new RecruitmentVariables(null, null, "Gold", null, 1, "x", null)))
        .hasMessageContaining("no applicationId");
  }

  static Application application() {
    return new Application(
        7L,
        "Northwind",
        "Ada",
        "ada@northwind.example",
        "DE",
        "reseller",
        "en",
        ApplicationStatus.IN_REVIEW,
        99L,
        Map.of("website", "https://northwind.example"),
        Instant.EPOCH,
        Instant.EPOCH,
        null);
  }
}
