package io.partnerflow.app.enablement.certification.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The certificate PDF in both languages and its download: the holder, their main contact and staff
 * get it; a colleague, another partner's user and visitors get nothing.
 */
@PartnerflowTest
class CertificateDocumentTest {

  @Autowired WebApplicationContext context;
  @Autowired CertificatePdf pdf;
  @Autowired CertificationService certification;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  private long partnerId;
  private String holder;
  private Certificate certificate;

  @BeforeEach
  void setUp() {
    partnerId = partner();
    holder = PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-test-password-1");
    jdbc.sql("UPDATE app.app_user SET display_name = '李 Mei Certified' WHERE username = :u")
        .param("u", holder)
        .update();
    long certificationId = certification();
    long userId =
        jdbc.sql("SELECT id FROM app.app_user WHERE username = :u")
            .param("u", holder)
            .query(Long.class)
            .single();
    certificate = SystemIdentity.call(() -> certification.issue(certificationId, userId));
  }

  @Test
  void shouldPrintHolderCertificationDatesCodeAndVerificationAddressInEnglish() throws IOException {
    // when
    String text = textOf(pdf.render(certificate, Locale.ENGLISH));

    // then
    assertThat(text)
        .contains("Certificate")
        .contains("李 Mei Certified")
        .contains(certificate.certificationNameEn())
        .contains("Valid until")
        .contains(CertificatePdf.grouped(certificate.verificationCode()))
        .contains("/verify/" + certificate.verificationCode());
  }

  @Test
  void shouldPrintTheCertificateInChinese() throws IOException {
    // when
    String text = textOf(pdf.render(certificate, Locale.SIMPLIFIED_CHINESE));

    // then
    assertThat(text)
        .contains("证书")
        .contains("有效期至")
        .contains(certificate.certificationNameZh())
        .contains("李 Mei Certified")
        .contains("/verify/" + certificate.verificationCode());
  }

  @Test
  void shouldServeTheDownloadToHolderMainContactAndStaffOnly() throws Exception {
    // given
    MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    String url = "/certificates/" + certificate.id();
    String mainContact =
        PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-test-password-1");
    String colleague =
        PartnerTestData.partnerUser(users, jdbc, partnerId, "a-long-test-password-1");
    jdbc.sql(
            "DELETE FROM app.portal_role WHERE portal_role = 'MAIN_CONTACT' AND user_id IN"
                + " (SELECT id FROM app.app_user WHERE username IN (:a, :b))")
        .param("a", holder)
        .param("b", colleague)
        .update();
    String stranger = PartnerTestData.partnerUser(users, jdbc, partner(), "a-long-test-password-1");

    // when
    MvcResult own =
        http.perform(get(url + "?language=zh").with(user(holder).roles("PARTNER")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();

    // then
    assertThat(textOf(own.getResponse().getContentAsByteArray())).contains("证书");
    assertThat(own.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("-zh.pdf");
    http.perform(get(url).with(user(mainContact).roles("PARTNER"))).andExpect(status().isOk());
    http.perform(get(url).with(user("manager").roles("PARTNER_MANAGER")))
        .andExpect(status().isOk());
    http.perform(get(url).with(user("enablement").roles("ENABLEMENT"))).andExpect(status().isOk());
    http.perform(get(url).with(user(colleague).roles("PARTNER"))).andExpect(status().isNotFound());
    http.perform(get(url).with(user(stranger).roles("PARTNER"))).andExpect(status().isNotFound());
    http.perform(get("/certificates/" + Long.MAX_VALUE).with(user(holder).roles("PARTNER")))
        .andExpect(status().isNotFound());
    MvcResult visitor = http.perform(get(url).with(anonymous())).andReturn();
    assertThat(String.valueOf(visitor.getResponse().getContentType())).doesNotContain("pdf");
    assertThat(visitor.getResponse().getContentAsString()).doesNotStartWith("%PDF");
  }

  private long partner() {
    String email = "pdf-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    return SystemIdentity.call(
        () ->
            partners.create(
                new NewPartner(
                    PartnerTestData.unique("Certificate PDF Partner"),
                    null,
                    "DE",
                    PartnerType.RESELLER,
                    PartnerTier.REGISTERED,
                    "manager",
                    PartnerContact.primary("Ann Contact", email, null),
                    60,
                    null)));
  }

  private long certification() {
    String code = "pdf-" + UUID.randomUUID().toString().substring(0, 8);
    return jdbc.sql(
            "INSERT INTO app.certification (code, name_en, name_zh, validity_months, active)"
                + " VALUES (:code, :en, :zh, 24, true) RETURNING id")
        .param("code", code)
        .param("en", "Certified Solution Engineer " + code)
        .param("zh", "认证解决方案工程师 " + code)
        .query(Long.class)
        .single();
  }

  private static String textOf(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(document);
    }
  }
}
