package io.partnerflow.app.contract.document;

import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.partnerUser;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Rendering stores the PDF with its SHA-256; staff and the partner's own users read it, nobody else
 * — not by guessing ids either, in the service or over HTTP.
 */
@PartnerflowTest
class ContractDocumentServiceTest {

  private static final AtomicLong CONTRACT_IDS = new AtomicLong(System.nanoTime() % 1_000_000);

  @Autowired ContractDocumentService documents;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;
  @Autowired WebApplicationContext context;

  private String nameA;
  private long partnerA;
  private String userA;
  private String userB;

  @BeforeEach
  void twoPartnersWithAUserEach() {
    actAs("manager", "ROLE_PARTNER_MANAGER");
    nameA = unique("Contract Alpha");
    partnerA = partners.create(newPartner(nameA, PartnerType.RESELLER, PartnerTier.GOLD));
    long partnerB =
        partners.create(
            newPartner(unique("Contract Bravo"), PartnerType.REFERRAL, PartnerTier.SILVER));
    SecurityContextHolder.clearContext();
    userA = partnerUser(users, jdbc, partnerA, "a-long-password-1");
    userB = partnerUser(users, jdbc, partnerB, "a-long-password-2");
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldRenderFromThePartnersRecordAndStoreThePdfWithItsSha256() throws Exception {
    // when
    StoredDocument document = renderForA("zh");

    // then
    actAs("legal", "ROLE_LEGAL");
    byte[] content = documents.content(document.id());
    assertThat(document.kind()).isEqualTo(StoredDocument.Kind.GENERATED);
    assertThat(document.partnerId()).isEqualTo(partnerA);
    assertThat(document.templateId()).isEqualTo("resale-agreement");
    assertThat(document.templateVersion()).isEqualTo("2026.1");
    assertThat(document.language()).isEqualTo("zh");
    assertThat(document.size()).isEqualTo(content.length);
    assertThat(document.sha256()).isEqualTo(Sha256.hex(content)).hasSize(64);
    assertThat(document.fileName()).endsWith("-resale-agreement-zh.pdf");
    assertThat(documents.describe(document.id())).isEqualTo(document);
    try (PDDocument pdf = Loader.loadPDF(content)) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text)
          .contains(nameA.replaceAll("\\s+", ""))
          .contains("德国") // the partner's country, DE, named in Chinese
          .contains("金牌") // its tier in Chinese
          .contains("Ann") // the main contact
          .contains("生效日期");
    }
  }

  @Test
  void shouldLetStaffAndThePartnersOwnUsersReadTheDocument() {
    // given
    long id = renderForA("en").id();

    // then
    for (String role : new String[] {"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL"}) {
      actAs("staff", role);
      assertThat(documents.describe(id).partnerId()).as(role).isEqualTo(partnerA);
      assertThat(documents.content(id)).as(role).isNotEmpty();
    }
    actAs(userA, "ROLE_PARTNER");
    assertThat(documents.describe(id).partnerId()).isEqualTo(partnerA);
    assertThat(documents.content(id)).isNotEmpty();
  }

  @Test
  void shouldRefuseAnotherPartnersUserExactlyLikeAnUnknownIdWhateverIdTheyTry() {
    // given
    long id = renderForA("en").id();
    actAs(userB, "ROLE_PARTNER");

    // when: B tries A's id, ids around it and an id that does not exist
    Throwable foreign = catchThrowable(() -> documents.describe(id));
    Throwable unknown = catchThrowable(() -> documents.describe(id + 1_000_000));

    // then
    assertThat(foreign).isInstanceOf(AccessDeniedException.class);
    assertThat(unknown).isInstanceOf(AccessDeniedException.class);
    assertThat(foreign.getMessage().replace(Long.toString(id), "#"))
        .isEqualTo(unknown.getMessage().replace(Long.toString(id + 1_000_000), "#"));
    for (long guess = Math.max(1, id - 20); guess <= id + 5; guess++) {
      long tried = guess;
      assertThatThrownBy(() -> documents.content(tried)).isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> documents.describe(tried)).isInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void shouldRefuseEnablementStaffAndAnonymousCallers() {
    // given
    long id = renderForA("en").id();

    // then
    actAs("enablement", "ROLE_ENABLEMENT");
    assertThatThrownBy(() -> documents.content(id)).isInstanceOf(AccessDeniedException.class);
    SecurityContextHolder.clearContext();
    assertThatThrownBy(() -> documents.describe(id)).isInstanceOf(Exception.class);
  }

  @Test
  void shouldLetOnlyWorkersAndStaffRender() {
    actAs(userA, "ROLE_PARTNER");
    assertThatThrownBy(() -> documents.render(draft("en")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldServeTheDownloadToItsReadersAndAnswer404ToEveryoneElse() throws Exception {
    // given
    StoredDocument document = renderForA("en");
    MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    String url = ContractDocumentController.PATH + document.id();

    // when
    MvcResult staff =
        http.perform(get(url).with(user("manager").roles("PARTNER_MANAGER")))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        "attachment; filename=\"" + document.fileName() + "\""))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();
    http.perform(get(url).with(user(userA).roles("PARTNER"))).andExpect(status().isOk());

    // then
    assertThat(Sha256.hex(staff.getResponse().getContentAsByteArray()))
        .isEqualTo(document.sha256());
    http.perform(get(url).with(user(userB).roles("PARTNER"))).andExpect(status().isNotFound());
    http.perform(
            get(ContractDocumentController.PATH + (document.id() + 1_000_000))
                .with(user(userB).roles("PARTNER")))
        .andExpect(status().isNotFound());
    http.perform(get(url).with(user("enablement").roles("ENABLEMENT")))
        .andExpect(status().isNotFound());
    // not logged in: the login page, never the document
    MvcResult anonymous = http.perform(get(url).with(anonymous())).andReturn();
    assertThat(String.valueOf(anonymous.getResponse().getContentType())).doesNotContain("pdf");
    assertThat(anonymous.getResponse().getContentAsString()).doesNotStartWith("%PDF");
  }

  private StoredDocument renderForA(String language) {
    return SystemIdentity.call(() -> documents.render(draft(language)));
  }

  private ContractDraft draft(String language) {
    return new ContractDraft(
        partnerA,
        CONTRACT_IDS.incrementAndGet(),
        "resale-agreement",
        language,
        24,
        LocalDate.of(2027, 1, 1));
  }
}
