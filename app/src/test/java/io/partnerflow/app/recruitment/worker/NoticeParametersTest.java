package io.partnerflow.app.recruitment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class NoticeParametersTest {

  @Mock UserAccountService users;

  @Test
  void shouldNameTheReviewerInTheWelcomeNotice() {
    // given
    when(users.findByUsername("manager"))
        .thenReturn(
            Optional.of(
                new UserAccount(
                    1,
                    "manager",
                    "h",
                    "Max Manager",
                    null,
                    true,
                    null,
                    Set.of(Role.PARTNER_MANAGER),
                    Set.of())));
    NoticeParameters parameters = new NoticeParameters(users);

    // when / then
    assertThat(
            parameters.forTemplate(
                "partner-welcome",
                CreatePartnerWorkerTest.application(),
                new RecruitmentVariables(7L, null, "Gold", null, 70, "manager", 42L)))
        .containsEntry("managerName", "Max Manager")
        .containsEntry("tier", "Gold")
        .containsEntry("partnerName", "Northwind");
  }

  @Test
  void shouldLeaveTheStatusLinkToTheDispatcherWhenAskingForInformation() {
    NoticeParameters parameters = new NoticeParameters(users);

    assertThat(
            parameters.forTemplate(
                "information-requested",
                CreatePartnerWorkerTest.application(),
                new RecruitmentVariables(7L, "References?", null, null, 70, "manager", null)))
        .containsEntry("question", "References?")
        .doesNotContainKey("statusLink");
    assertThat(
            parameters.secretLink("information-requested", CreatePartnerWorkerTest.application()))
        .isEqualTo(ApplicationService.statusLink(7L));
  }

  @Test
  void shouldGiveARejectedApplicantTheReviewersMessageButNeverTheInternalReason() {
    NoticeParameters parameters = new NoticeParameters(users);
    RecruitmentVariables withMessage =
        new RecruitmentVariables(
            7L, null, null, null, 12, "manager", null, "Please apply again next year.");
    RecruitmentVariables withoutMessage =
        new RecruitmentVariables(7L, null, null, null, 12, "manager", null);

    assertThat(
            parameters.forTemplate(
                "application-rejected", CreatePartnerWorkerTest.application(), withMessage))
        .containsEntry("applicantMessage", "Please apply again next year.")
        .doesNotContainKey("rejectionReason");
    assertThat(parameters.statusNote("application-rejected", withMessage))
        .isEqualTo("Please apply again next year.");
    assertThat(
            parameters.forTemplate(
                "application-rejected", CreatePartnerWorkerTest.application(), withoutMessage))
        .containsEntry("applicantMessage", "");
    assertThat(parameters.statusNote("application-rejected", withoutMessage)).isNull();
    assertThat(parameters.statusNote("information-requested", withMessage)).isNull();
  }

  @Test
  void shouldRefuseATemplateItDoesNotKnow() {
    NoticeParameters parameters = new NoticeParameters(users);

    assertThatThrownBy(
            () ->
                parameters.forTemplate(
                    "no-such-template",
                    CreatePartnerWorkerTest.application(),
                    new RecruitmentVariables(7L, null, null, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
