package io.partnerflow.app.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartnerValidatorTest {

  @Test
  void shouldCleanUpValidInput() {
    // given
    NewPartner input =
        new NewPartner(
            "  Acme GmbH ",
            "acme.example",
            "de",
            PartnerType.RESELLER,
            PartnerTier.SILVER,
            " manager ",
            new PartnerContact(" Ann ", " ann@acme.example ", " ", null, false),
            70,
            1L);

    // when
    NewPartner valid = PartnerValidator.validate(input);

    // then
    assertThat(valid.name()).isEqualTo("Acme GmbH");
    assertThat(valid.website()).isEqualTo("https://acme.example");
    assertThat(valid.country()).isEqualTo("DE");
    assertThat(valid.ownerUsername()).isEqualTo("manager");
    assertThat(valid.contact())
        .isEqualTo(new PartnerContact("Ann", "ann@acme.example", null, null, true));
  }

  @Test
  void shouldReportEveryInvalidFieldAtOnce() {
    // given
    NewPartner input =
        new NewPartner(
            " ",
            "javascript:alert(1)",
            "XX",
            null,
            null,
            null,
            new PartnerContact("", "not-an-address", null, null, true),
            101,
            null);

    // then
    assertThatThrownBy(() -> PartnerValidator.validate(input))
        .isInstanceOfSatisfying(
            PartnerValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("name", "partner.error.required")
                    .containsEntry("website", "partner.error.website")
                    .containsEntry("country", "partner.error.country")
                    .containsEntry("type", "partner.error.required")
                    .containsEntry("tier", "partner.error.required")
                    .containsEntry("fitScore", "partner.error.fitScore")
                    .containsEntry("contact.name", "partner.error.required")
                    .containsEntry("contact.email", "partner.error.email"));
  }

  @Test
  void shouldEscapeLikeWildcardsInSearchText() {
    assertThat(PartnerRepository.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
  }
}
